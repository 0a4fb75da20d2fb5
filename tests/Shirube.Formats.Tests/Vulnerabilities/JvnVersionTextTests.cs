using Shirube.Formats.Vulnerabilities;

namespace Shirube.Formats.Tests.Vulnerabilities;

public class JvnVersionTextTests
{
    /// <summary>A JVN VersionNumber text and the bounds it states (all null: no bound can be read).</summary>
    public sealed record VersionCase(string Text, string? Exact, string? StartIncluding, string? EndIncluding, string? EndExcluding)
    {
        public static VersionCase Exactly(string text, string version) => new(text, version, null, null, null);
        public static VersionCase UpTo(string text, string version) => new(text, null, null, version, null);
        public static VersionCase Below(string text, string version) => new(text, null, null, null, version);
        public static VersionCase FromBelow(string text, string from, string below) => new(text, null, from, null, below);
        public static VersionCase Unread(string text) => new(text, null, null, null, null);
        public override string ToString() => Exact is null && StartIncluding is null && EndIncluding is null && EndExcluding is null
            ? $"'{Text}' states no bound"
            : $"'{Text}' means {(Exact is not null ? "exactly " + Exact : "")}{(StartIncluding is not null ? "from " + StartIncluding + " " : "")}{(EndIncluding is not null ? "up to " + EndIncluding : "")}{(EndExcluding is not null ? "below " + EndExcluding : "")}";
    }

    public static TheoryData<VersionCase> Cases => new(
        VersionCase.Exactly("8.1", "8.1"),
        VersionCase.UpTo("ファームウェアバージョン 1.05およびそれ以前", "1.05"),
        VersionCase.UpTo("3.2.1 およびそれ以前のバージョン", "3.2.1"),
        VersionCase.Below("5.16.3 未満", "5.16.3"),
        VersionCase.Below("7.3.7 より前のバージョン", "7.3.7"),
        VersionCase.Below("Ver.1.4.2より前のバージョン（CVE-2025-0354、CVE-2025-0355）", "1.4.2"),
        VersionCase.FromBelow("2.13.0 から 2.15.0 より前のバージョン", "2.13.0", "2.15.0"),
        VersionCase.Unread("core 2.0-beta9 から 2.12.1 より前のバージョン"),
        VersionCase.Unread("v6 R4 およびそれ以前のバージョン"),
        VersionCase.Unread("for Windows 5.8 (Build 1575) 未満"),
        VersionCase.Unread("すべてのバージョン"),
        VersionCase.Unread(""));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_version_text_states_its_bounds_only_in_a_common_form(VersionCase c)
    {
        var bounds = JvnVersionText.TryParse(c.Text);

        Assert.Equal((c.Exact, c.StartIncluding, c.EndIncluding, c.EndExcluding), (bounds?.Exact, bounds?.StartIncluding, bounds?.EndIncluding, bounds?.EndExcluding));
    }
}
