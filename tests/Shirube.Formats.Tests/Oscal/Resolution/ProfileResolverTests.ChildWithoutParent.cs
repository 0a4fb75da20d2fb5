using static Shirube.Formats.Tests.Oscal.Resolution.ResolutionFixtures;

namespace Shirube.Formats.Tests.Oscal.Resolution;

/// <summary>
/// A profile selects exactly the controls it names: an enhancement named without its control comes alone, where its
/// control stood, in every structure; the control comes only when named, by id, pattern, include-all or
/// with-child-controls. On a catalog shaped like SP 800-53, served from memory.
/// </summary>
public partial class ProfileResolverTests
{
    private const string Mini = "catalogs/sp800-53-mini.json";

    /// <summary>
    /// Families ac (ac-1; ac-2 › ac-2.1; ac-3 › ac-3.14, ac-3.15) and pe (pe-8 › pe-8.3). ac-3 has a param that ac-3.15
    /// inserts and ac-3.14 does not, as enhancements of SP 800-53 sometimes use their control's parameters.
    /// </summary>
    private const string MiniCatalog = """
        { "catalog": { "uuid": "0d9a3b8e-8b0e-4c55-9d5e-2f61f2b4f0a1",
          "metadata": { "title": "SP 800-53 in miniature", "last-modified": "2021-06-08T13:57:34-04:00", "version": "1", "oscal-version": "1.0.0" },
          "groups": [
            { "id": "ac", "class": "family", "title": "Access Control", "controls": [
              { "id": "ac-1", "title": "Policy and Procedures" },
              { "id": "ac-2", "title": "Account Management", "controls": [ { "id": "ac-2.1", "title": "Automated System Account Management" } ] },
              { "id": "ac-3", "title": "Access Enforcement",
                "params": [ { "id": "ac-3_prm_1", "label": "organization-defined policies" } ],
                "parts": [ { "id": "ac-3_smt", "name": "statement", "prose": "Enforce approved authorizations." } ],
                "controls": [
                  { "id": "ac-3.14", "title": "Individual Access",
                    "parts": [ { "id": "ac-3.14_smt", "name": "statement", "prose": "Provide mechanisms for individuals to access their data." } ] },
                  { "id": "ac-3.15", "title": "Discretionary and Mandatory Access Control",
                    "parts": [ { "id": "ac-3.15_smt", "name": "statement", "prose": "Enforce {{ insert: param, ac-3_prm_1 }}." } ] } ] } ] },
            { "id": "pe", "class": "family", "title": "Physical and Environmental Protection", "controls": [
              { "id": "pe-8", "title": "Visitor Access Records", "controls": [ { "id": "pe-8.3", "title": "Limit Personally Identifiable Information Elements" } ] } ] } ] } }
        """;

    /// <summary>An import of the miniature catalog with one include-controls selector (its members given).</summary>
    private static string Including(string selector) => Import(Mini, $"\"include-controls\": [ {{ {selector} }} ]");

    /// <summary>An import of the miniature catalog with the selection given as it stands.</summary>
    private static string Selecting(string selection) => Import(Mini, selection);

    private const string Flat = """{ "flat": {} }""";

    private const string Privacy = """{ "custom": { "groups": [ { "id": "privacy", "title": "Privacy", "insert-controls": [ { "include-all": {} } ] } ] } }""";

    public static TheoryData<ResolutionCase> ChildWithoutParentCases() =>
    [
        // An enhancement named without its control, in each structure.
        new ResolutionCase("ac-1 and ac-3.14 by id, as-is: ac-3.14 in ac where ac-3 stood, no ac-3",
            Profile(Including(Ids("ac-1", "ac-3.14")), AsIs), "ac[ac-1 ac-3.14]"),
        new ResolutionCase("ac-1 and ac-3.14 by id, flat",
            Profile(Including(Ids("ac-1", "ac-3.14")), Flat), "ac-1 ac-3.14"),
        new ResolutionCase("ac-1 and ac-3.14 by id, no merge (flat)",
            Profile(Including(Ids("ac-1", "ac-3.14"))), "ac-1 ac-3.14"),
        new ResolutionCase("ac-1 and ac-3.14 by id, custom group",
            Profile(Including(Ids("ac-1", "ac-3.14")), Privacy), "privacy[ac-1 ac-3.14]"),
        new ResolutionCase("enhancements of two families without their controls, as-is",
            Profile(Including(Ids("pe-8.3", "ac-3.14")), AsIs), "ac[ac-3.14] pe[pe-8.3]"),
        new ResolutionCase("an enhancement that inserts its unselected control's param keeps the param, loose",
            Profile(Including(Ids("ac-3.15")), AsIs), "$ac-3_prm_1 ac[ac-3.15]"),

        // with-ids and with-child-controls.
        new ResolutionCase("ac-3 by id without with-child-controls",
            Profile(Including(Ids("ac-3")), AsIs), "ac[ac-3]"),
        new ResolutionCase("ac-3 by id with with-child-controls no",
            Profile(Including($$""" "with-child-controls": "no", {{Ids("ac-3")}}"""), AsIs), "ac[ac-3]"),
        new ResolutionCase("ac-3 by id with with-child-controls yes",
            Profile(Including($$""" "with-child-controls": "yes", {{Ids("ac-3")}}"""), AsIs), "ac[ac-3(ac-3.14 ac-3.15)]"),
        new ResolutionCase("ac-3.14 by id with with-child-controls yes: neither its control nor its siblings",
            Profile(Including($$""" "with-child-controls": "yes", {{Ids("ac-3.14")}}"""), AsIs), "ac[ac-3.14]"),
        new ResolutionCase("the withdrawn draft's with-parent-controls yes, written out, still names the parent",
            Profile(Including($$""" "with-parent-controls": "yes", {{Ids("ac-3.14")}}"""), AsIs), "ac[ac-3(ac-3.14)]"),

        // matching.
        new ResolutionCase("pattern ac-3.* matches the enhancements only",
            Profile(Including(Patterns("ac-3.*")), AsIs), "$ac-3_prm_1 ac[ac-3.14 ac-3.15]"),
        new ResolutionCase("pattern ac-3* matches the control and its enhancements",
            Profile(Including(Patterns("ac-3*")), AsIs), "ac[ac-3(ac-3.14 ac-3.15)]"),
        new ResolutionCase("pattern *.? matches the enhancements numbered with one digit, flat",
            Profile(Including(Patterns("*.?")), Flat), "ac-2.1 pe-8.3"),

        // include-all and exclude-controls.
        new ResolutionCase("include-all takes every control, nested ones too",
            Profile(Selecting(All), AsIs), "ac[ac-1 ac-2(ac-2.1) ac-3(ac-3.14 ac-3.15)] pe[pe-8(pe-8.3)]"),
        new ResolutionCase("include-all excluding ac-3: its enhancements stay, in ac",
            Profile(Selecting($$"""{{All}}, "exclude-controls": [ { {{Ids("ac-3")}} } ]"""), AsIs),
            "$ac-3_prm_1 ac[ac-1 ac-2(ac-2.1) ac-3.14 ac-3.15] pe[pe-8(pe-8.3)]"),
        new ResolutionCase("include-all excluding ac-3, flat",
            Profile(Selecting($$"""{{All}}, "exclude-controls": [ { {{Ids("ac-3")}} } ]"""), Flat),
            "$ac-3_prm_1 ac-1 ac-2(ac-2.1) ac-3.14 ac-3.15 pe-8(pe-8.3)"),
        new ResolutionCase("include-all excluding ac-3 with its child controls",
            Profile(Selecting($$"""{{All}}, "exclude-controls": [ { "with-child-controls": "yes", {{Ids("ac-3")}} } ]"""), AsIs),
            "ac[ac-1 ac-2(ac-2.1)] pe[pe-8(pe-8.3)]"),
        new ResolutionCase("include-all excluding ac-3.14 keeps ac-3 with ac-3.15",
            Profile(Selecting($$"""{{All}}, "exclude-controls": [ { {{Ids("ac-3.14")}} } ]"""), AsIs),
            "ac[ac-1 ac-2(ac-2.1) ac-3(ac-3.15)] pe[pe-8(pe-8.3)]"),
        new ResolutionCase("ac-3 with child controls excluding ac-3.14",
            Profile(Selecting($$"""  "include-controls": [ { "with-child-controls": "yes", {{Ids("ac-3")}} } ], "exclude-controls": [ { {{Ids("ac-3.14")}} } ]"""), AsIs),
            "ac[ac-3(ac-3.15)]"),
    ];

    [Theory]
    [MemberData(nameof(ChildWithoutParentCases))]
    public void A_profile_selects_exactly_the_controls_it_names_and_puts_them_where_they_stood(ResolutionCase c)
    {
        var resolved = Resolve(c.Profile, (Mini, MiniCatalog));

        Assert.Equal(c.Expected, Outline(resolved));
    }
}
