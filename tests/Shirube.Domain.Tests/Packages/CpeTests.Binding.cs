using Shirube.Domain.Packages;

namespace Shirube.Domain.Tests.Packages;

/// <summary>Binding a CPE to the 2.2 URI form and writing its well-formed name (NIST IR 7695 §5.4, §6.1.2).</summary>
public sealed partial class CpeTests
{
    /// <summary>A name and the URI it binds to.</summary>
    public sealed record BindsTo(string Formatted, string Uri, string Why)
    {
        public override string ToString() => $"{Formatted} binds to {Uri} ({Why})";
    }

    // The first five are the examples of NIST IR 7695 §6.1.2.3, their WFNs written here as formatted strings.
    public static TheoryData<BindsTo> UriBindings => new(
        new BindsTo("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*", "cpe:/a:microsoft:internet_explorer:8.0.6001:beta",
            "trailing ANY attributes are trimmed"),
        new BindsTo("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:*:*:*", "cpe:/a:microsoft:internet_explorer:8.%02:sp%01",
            "wildcards '*' and '?' become %02 and %01"),
        new BindsTo("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*",
            "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~", "NA is '-', the extended attributes pack into the edition"),
        new BindsTo("cpe:2.3:a:hp:openview_network_manager:7.51:*:*:*:*:linux:*:*", "cpe:/a:hp:openview_network_manager:7.51::~~~linux~~",
            "an ANY update is empty, and a packed edition keeps its empty fields"),
        new BindsTo(@"cpe:2.3:a:foo\\bar:big\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:*",
            "cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~ipod_touch~80gb~", "quoted special characters are percent-encoded in lowercase hex"),
        new BindsTo("cpe:2.3:o:microsoft:windows_xp:-:sp3:pro:en-us:*:*:*:*", "cpe:/o:microsoft:windows_xp:-:sp3:pro:en-us",
            "the language is the seventh component, and a lone edition is not packed"),
        new BindsTo("cpe:2.3:a:acme:tool:1.0:*:*:*:*:*:*:-", "cpe:/a:acme:tool:1.0::~~~~~-", "an NA 'other' alone still packs"),
        new BindsTo("cpe:2.3:*:acme:tool:*:*:*:*:*:*:*:*", "cpe:/:acme:tool", "an ANY part is empty"),
        new BindsTo(@"cpe:2.3:a:59sec:the_leads_management_system\:_59sec_lite:*:*:*:*:wordpress:*:*:*",
            "cpe:/a:59sec:the_leads_management_system%3a_59sec_lite:::~~wordpress~~~", "a quoted ':' is %3a"));

    [Theory]
    [MemberData(nameof(UriBindings))]
    public void A_name_binds_to_the_uri_NIST_IR_7695_gives_and_reads_back_the_same(BindsTo row)
    {
        var cpe = Cpe.Parse(row.Formatted);

        Assert.Equal(row.Uri, cpe.ToUri());
        Assert.Equal(row.Formatted, Cpe.Parse(row.Uri).ToString());
    }

    [Theory]
    [InlineData("cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*",
        """wfn:[part="a",vendor="microsoft",product="internet_explorer",version="8\.0\.6001",update="beta",edition=ANY,language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,other=ANY]""")]
    [InlineData(@"cpe:2.3:a:foo\\bar:big\$money_manager_2010:*:*:*:*:special:ipod_touch:80gb:-",
        """wfn:[part="a",vendor="foo\\bar",product="big\$money_manager_2010",version=ANY,update=ANY,edition=ANY,language=ANY,sw_edition="special",target_sw="ipod_touch",target_hw="80gb",other=NA]""")]
    [InlineData("cpe:/a:microsoft:internet_explorer:8.%02:sp%01",
        """wfn:[part="a",vendor="microsoft",product="internet_explorer",version="8\.*",update="sp?",edition=ANY,language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,other=ANY]""")]
    public void A_name_writes_its_well_formed_name_with_every_attribute(string text, string wfn)
    {
        Assert.Equal(wfn, Cpe.Parse(text).ToWfn());
    }

    [Theory]
    [InlineData(@"cpe:2.3:a:acme:tool:1\.0:*:*:*:*:*:*:*", "cpe:2.3:a:acme:tool:1.0:*:*:*:*:*:*:*")]
    [InlineData(@"cpe:2.3:a:acme:tool\_kit:1\-2:*:*:*:*:*:*:*", "cpe:2.3:a:acme:tool_kit:1-2:*:*:*:*:*:*:*")]
    [InlineData(@"cpe:2.3:a:acme:tool:\-:*:*:*:*:*:*:*", @"cpe:2.3:a:acme:tool:\-:*:*:*:*:*:*:*")]
    public void A_needless_quote_is_dropped_so_that_equal_names_read_equal(string text, string formatted)
    {
        Assert.Equal(formatted, Cpe.Parse(text).ToString());
    }

    [Theory]
    [InlineData("cpe:2.3:a:acme:to*ol:*:*:*:*:*:*:*:*")]
    [InlineData("cpe:2.3:a:acme:tool:1.?.2:*:*:*:*:*:*:*")]
    [InlineData("cpe:/a:acme:to%02ol")]
    public void A_wildcard_inside_a_value_is_refused(string text)
    {
        Assert.False(Cpe.TryParse(text, out _, out var error));
        Assert.Contains("wildcard", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cpe_in_the_NVD_samples_binds_to_a_uri_and_back_unchanged()
    {
        var found = NvdSampleCpes();
        var changed = new List<string>();
        foreach (var text in found)
        {
            var cpe = Cpe.Parse(text);
            var uri = cpe.ToUri();
            var back = Cpe.Parse(uri);
            // A formatted string comes back as the same string; a URI binds again to the same URI.
            var same = back.Equals(cpe) && (text.StartsWith("cpe:/", StringComparison.Ordinal) ? uri == text : back.ToString() == text);
            if (!same)
                changed.Add($"{text} -> {uri} -> {back}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{found.Count} distinct CPE strings bound to URIs and back.");
        Assert.True(found.Count > 300, $"only {found.Count} CPE strings found");
        Assert.Empty(changed);
    }
}
