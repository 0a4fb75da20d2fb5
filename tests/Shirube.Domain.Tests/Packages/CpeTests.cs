using System.Text.RegularExpressions;
using Shirube.Domain.Packages;

namespace Shirube.Domain.Tests.Packages;

/// <summary>CPE 2.3 formatted strings and 2.2 URIs: the attributes read, the escaping, the refusals.</summary>
public sealed partial class CpeTests
{
    /// <summary>A CPE string, the attributes it must give and its formatted string.</summary>
    public sealed record Reads(string Text, CpePart Part, string Vendor, string Product, string Version, string Formatted)
    {
        public override string ToString() => $"{Text} reads as {Part} {Vendor} {Product} {Version}";
    }

    public static TheoryData<Reads> Readings => new(
        new Reads("cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*", CpePart.Application, "openssl", "openssl", "1.0.2k",
            "cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*"),
        new Reads("cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*", CpePart.OperatingSystem, "linux", "linux_kernel", "-",
            "cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*"),
        new Reads("CPE:2.3:H:Cisco:RV320:*:*:*:*:*:*:*:*", CpePart.Hardware, "cisco", "rv320", "*",
            "cpe:2.3:h:cisco:rv320:*:*:*:*:*:*:*:*"),
        new Reads(@"cpe:2.3:a:xplodedthemes:wpide_-_file_manager_\&_code_editor:*:*:*:*:*:wordpress:*:*", CpePart.Application,
            "xplodedthemes", "wpide_-_file_manager_&_code_editor", "*", @"cpe:2.3:a:xplodedthemes:wpide_-_file_manager_\&_code_editor:*:*:*:*:*:wordpress:*:*"),
        new Reads(@"cpe:2.3:a:59sec:the_leads_management_system\:_59sec_lite:*:*:*:*:wordpress:*:*:*", CpePart.Application,
            "59sec", "the_leads_management_system:_59sec_lite", "*", @"cpe:2.3:a:59sec:the_leads_management_system\:_59sec_lite:*:*:*:*:wordpress:*:*:*"),
        new Reads("cpe:/a:apache:http_server:2.4.1", CpePart.Application, "apache", "http_server", "2.4.1",
            "cpe:2.3:a:apache:http_server:2.4.1:*:*:*:*:*:*:*"),
        new Reads("cpe:/o:redhat:enterprise_linux:8", CpePart.OperatingSystem, "redhat", "enterprise_linux", "8",
            "cpe:2.3:o:redhat:enterprise_linux:8:*:*:*:*:*:*:*"),
        new Reads("cpe:/a:foo%21bar:baz", CpePart.Application, "foo!bar", "baz", "*", @"cpe:2.3:a:foo\!bar:baz:*:*:*:*:*:*:*:*"),
        new Reads("cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~win2003~x64~", CpePart.Application, "hp", "insight_diagnostics",
            "7.4.0.1570", "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*"),
        new Reads("cpe:/a:acme:widget:1.%02", CpePart.Application, "acme", "widget", "1.*", "cpe:2.3:a:acme:widget:1.*:*:*:*:*:*:*:*"));

    [Theory]
    [MemberData(nameof(Readings))]
    public void Parse_ValidCpe_GivesPartVendorProductVersionAndTheFormattedString(Reads row)
    {
        var cpe = Cpe.Parse(row.Text);

        Assert.Equal((row.Part, row.Vendor, row.Product, row.Version), (cpe.Part, cpe.Vendor, cpe.Product, cpe.Version));
        Assert.Equal(row.Formatted, cpe.ToString());
        Assert.Equal(cpe, Cpe.Parse(cpe.ToString()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("openssl:openssl", "starts with 'cpe:2.3:'")]
    [InlineData("cpe:2.3:a:openssl:openssl:1.0", "11 attributes")]
    [InlineData("cpe:2.3:x:openssl:openssl:*:*:*:*:*:*:*:*", "expected 'a'")]
    [InlineData("cpe:2.3:a:foo!bar:baz:*:*:*:*:*:*:*:*", "'!' unquoted")]
    [InlineData("cpe:2.3:a::baz:*:*:*:*:*:*:*:*", "'vendor' is empty")]
    [InlineData("cpe:/a:foo%zzbar", "two hexadecimal digits")]
    [InlineData("cpe:/a:b:c:d:e:f:g:h", "at most 7")]
    public void TryParse_Malformed_IsRefusedSayingWhy(string text, string reason)
    {
        Assert.False(Cpe.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryCpeInTheNvdSamples_Parses()
    {
        var found = NvdSampleCpes();
        var refused = found.Select(text => Cpe.TryParse(text, out _, out var error) ? null : $"{text}: {error}").OfType<string>().ToList();

        TestContext.Current.TestOutputHelper?.WriteLine($"{found.Count} distinct CPE strings, {refused.Count} refused.");
        Assert.True(found.Count > 300, $"only {found.Count} CPE strings found");
        Assert.Empty(refused);
    }

    /// <summary>Every distinct CPE string (formatted strings and URIs) in the NVD and CVE sample records of the corpora.</summary>
    private static List<string> NvdSampleCpes()
    {
        var folder = SharedCorpora.Folder("nvd-cve-samples", "the NVD and CVE sample records");
        return Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .SelectMany(path => CpeInJson().Matches(File.ReadAllText(path)).Select(m => System.Text.Json.JsonSerializer.Deserialize<string>(m.Value)!))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("\"cpe:(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant)]
    private static partial Regex CpeInJson();
}
