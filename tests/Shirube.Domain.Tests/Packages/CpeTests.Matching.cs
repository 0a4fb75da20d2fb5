using Shirube.Domain.Packages;

namespace Shirube.Domain.Tests.Packages;

/// <summary>CPE name matching (NIST IR 7696): attribute comparison per table 6-2, then name comparison.</summary>
public sealed partial class CpeTests
{
    /// <summary>A source value and a target value of one attribute, and their relation.</summary>
    public sealed record Relates(int Row, string Source, string Target, CpeRelation Relation, string Kinds)
    {
        public string SourceName => $"cpe:2.3:a:acme:widget:{Source}:*:*:*:*:*:*:*";
        public string TargetName => $"cpe:2.3:a:acme:widget:{Target}:*:*:*:*:*:*:*";

        public override string ToString() => $"Table 6-2 row {Row} ({Kinds}): source version {Source} is {Relation} of target version {Target}";
    }

    // NIST IR 7696 table 6-2, one row per line, with i and k strings, j a wildcard string that matches i, m a wildcard string.
    public static TheoryData<Relates> Table62 => new(
        new Relates(1, "*", "*", CpeRelation.Equal, "ANY, ANY"),
        new Relates(2, "*", "-", CpeRelation.Superset, "ANY, NA"),
        new Relates(3, "*", "7.0", CpeRelation.Superset, "ANY, i"),
        new Relates(4, "*", "7.*", CpeRelation.Undefined, "ANY, m + wild cards"),
        new Relates(5, "-", "*", CpeRelation.Subset, "NA, ANY"),
        new Relates(6, "-", "-", CpeRelation.Equal, "NA, NA"),
        new Relates(7, "-", "7.0", CpeRelation.Disjoint, "NA, i"),
        new Relates(8, "-", "7.*", CpeRelation.Undefined, "NA, m + wild cards"),
        new Relates(9, "7.0", "*", CpeRelation.Subset, "i, ANY"),
        new Relates(10, "7.0", "-", CpeRelation.Disjoint, "i, NA"),
        new Relates(11, "7.0", "7.0", CpeRelation.Equal, "i, i"),
        new Relates(12, "7.0", "8.0", CpeRelation.Disjoint, "i, k"),
        new Relates(13, "7.0", "7.*", CpeRelation.Undefined, "i, m + wild cards"),
        new Relates(14, "7.*", "*", CpeRelation.Subset, "j, ANY"),
        new Relates(15, "7.*", "-", CpeRelation.Disjoint, "j, NA"),
        new Relates(16, "7.*", "7.0", CpeRelation.Superset, "j, i where j matches i"),
        new Relates(17, "7.*", "8.0", CpeRelation.Disjoint, "j, k where j does not match k"),
        new Relates(18, "7.*", "8.*", CpeRelation.Undefined, "j, m + wild cards"));

    [Theory]
    [MemberData(nameof(Table62))]
    public void An_attribute_relates_to_its_target_as_table_6_2_says(Relates row)
    {
        var relations = Cpe.CompareAttributes(Cpe.Parse(row.SourceName), Cpe.Parse(row.TargetName));

        Assert.Equal(11, relations.Count);
        Assert.Equal(new CpeAttributeRelation("version", row.Relation), relations[3]);
        Assert.All(relations.Where(r => r.Attribute != "version"), r => Assert.Equal(CpeRelation.Equal, r.Relation));
        // Every other attribute is equal, so the names relate as their versions do.
        Assert.Equal(row.Relation, Cpe.Compare(Cpe.Parse(row.SourceName), Cpe.Parse(row.TargetName)));
    }

    /// <summary>A wildcard value of the source, a concrete target value, and whether the first stands for the second.</summary>
    public sealed record Wildcard(string Source, string Target, bool Matches)
    {
        public override string ToString() => $"{Source} {(Matches ? "matches" : "does not match")} {Target}";
    }

    public static TheoryData<Wildcard> Wildcards => new(
        new Wildcard("7.*", "7.", true),
        new Wildcard("*7.0", "17.0", true),
        new Wildcard("*7.0", "7.0.1", false),
        new Wildcard("*beta*", "1.0-beta2", true),
        new Wildcard("7.?", "7.1", true),
        new Wildcard("7.?", "7.10", false),
        // NIST IR 7696 compares a run of n '?' as at most n characters.
        new Wildcard("7.??", "7.1", true),
        new Wildcard("?.0", "7.0", true),
        new Wildcard("?.0", "17.0", false),
        new Wildcard("??", "ab", true),
        new Wildcard("??", "abc", false),
        new Wildcard(@"7.\*", "7.0", false),
        new Wildcard(@"7.\?", "7.1", false),
        new Wildcard(@"a\?*", "a?b", true));

    [Theory]
    [MemberData(nameof(Wildcards))]
    public void A_source_wildcard_stands_for_what_NIST_IR_7695_says(Wildcard row)
    {
        var source = Cpe.Parse($"cpe:2.3:a:acme:widget:{row.Source}:*:*:*:*:*:*:*");
        var target = Cpe.Parse($"cpe:2.3:a:acme:widget:{(row.Target.Contains('?', StringComparison.Ordinal) ? row.Target.Replace("?", @"\?", StringComparison.Ordinal) : row.Target)}:*:*:*:*:*:*:*");

        Assert.Equal(row.Matches ? CpeRelation.Superset : CpeRelation.Disjoint, Cpe.Compare(source, target));
    }

    /// <summary>Two whole names and how the first relates to the second.</summary>
    public sealed record Names(string Source, string Target, CpeRelation Relation, string Why)
    {
        public override string ToString() => $"{Source} is {Relation} of {Target}: {Why}";
    }

    public static TheoryData<Names> NameComparisons => new(
        new Names("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*", "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:sp2:*:*:*:*:*:*",
            CpeRelation.Superset, "every attribute is a superset or equal"),
        new Names("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*:*", "cpe:2.3:a:microsoft:internet_explorer:*:*:*:*:*:*:*:*",
            CpeRelation.Subset, "a version-less target names more than a versioned source"),
        new Names("cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*", "cpe:2.3:a:opensssl:openssl:1.0.2k:*:*:*:*:*:*:*",
            CpeRelation.Disjoint, "another vendor"),
        new Names("cpe:2.3:a:acme:widget:1.0:*:*:*:*:*:*:*", "cpe:2.3:a:acme:widget:*:sp1:*:*:*:*:*:*",
            CpeRelation.Undefined, "the version is a subset and the update a superset"),
        new Names("CPE:2.3:A:OpenSSL:OpenSSL:1.0.2K:*:*:*:*:*:*:*", "cpe:/a:openssl:openssl:1.0.2k",
            CpeRelation.Equal, "case and binding do not matter"),
        new Names("cpe:2.3:a:acme:widget:1.0:*:*:*:*:*:*:*", "cpe:2.3:a:other:widget:1.*:*:*:*:*:*:*:*",
            CpeRelation.Disjoint, "one disjoint attribute decides, even beside an undefined one"),
        new Names("cpe:2.3:a:acme:widget:1.0:-:*:*:*:*:*:*", "cpe:2.3:a:acme:widget:1.0:sp1:*:*:*:*:*:*",
            CpeRelation.Disjoint, "NA and a value have nothing in common"),
        new Names("cpe:2.3:*:linux:linux_kernel:*:*:*:*:*:*:*:*", "cpe:2.3:o:linux:linux_kernel:5.10:*:*:*:*:*:*:*",
            CpeRelation.Superset, "an ANY part covers an operating system"));

    [Theory]
    [MemberData(nameof(NameComparisons))]
    public void A_name_relates_to_another_as_NIST_IR_7696_section_6_2_says(Names row)
    {
        var source = Cpe.Parse(row.Source);
        var target = Cpe.Parse(row.Target);

        Assert.Equal(row.Relation, Cpe.Compare(source, target));
        Assert.Equal(row.Relation is CpeRelation.Superset or CpeRelation.Equal, source.Matches(target));
        Assert.Equal(source.Matches(target), source.IsSupersetOf(target));
    }

    [Fact]
    public void A_vulnerable_platform_entry_matches_the_component_it_covers_and_not_the_other_way_round()
    {
        var entry = Cpe.Parse("cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*");
        var component = Cpe.Parse("cpe:2.3:o:linux:linux_kernel:5.10.1:*:*:*:*:*:*:*");

        Assert.True(entry.Matches(component));
        Assert.False(component.Matches(entry));
        Assert.Equal(CpeRelation.Subset, Cpe.Compare(component, entry));
    }
}
