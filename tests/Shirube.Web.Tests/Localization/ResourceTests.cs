using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Auditing;
using Shirube.Domain.Guidelines;
using Shirube.Web.Tests.Browser;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Localization;

/// <summary>Every UI string exists in Japanese and in English, and every key the UI asks for exists.</summary>
public partial class ResourceTests
{
    private static readonly string WebProject = Path.Combine(ServerProcess.RepositoryRoot(), "src", "Shirube.Web");

    private static Dictionary<string, string> Load(string culture)
    {
        var file = Path.Combine(WebProject, "Resources", culture.Length == 0 ? "SharedResource.resx" : $"SharedResource.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
    }

    // Keys built at run time: the prefix and the values that complete it.
    private static readonly Dictionary<string, IEnumerable<string>> DynamicKeys = new(StringComparer.Ordinal)
    {
        ["Part."] = Enum.GetNames<IotPart>(),
        ["PartGroup."] = Enum.GetNames<IotPartGroup>(),
        ["Audit.Action."] = Enum.GetNames<AuditAction>(),
        ["Role."] = Roles.All,
        ["Kind."] = Enum.GetNames<GuidelineKind>(),
        ["Phase."] = Enum.GetNames<LifecyclePhase>(),
        ["Role.Pick."] = Enum.GetNames<Shirube.Domain.Baselines.PickRole>(),
        ["Level."] = Enum.GetNames<Shirube.Domain.Baselines.RequirementLevel>(),
        ["Status."] = Enum.GetNames<Shirube.Domain.Assessments.ImplementationStatus>(),
        ["CaseState."] = Enum.GetNames<Shirube.Domain.Cases.CaseState>(),
        ["Cra.Kind."] = Enum.GetNames<Shirube.Domain.Cases.CraReportKind>(),
        ["Cra.Status."] = Enum.GetNames<Shirube.Domain.Cases.CraReportStatus>(),
        ["Sector."] = Shirube.Domain.Portfolio.Product.Sectors,
        ["Maturity.Trend."] = Enum.GetNames<Shirube.Domain.Psirt.MaturityTrend>(),
        ["Practice."] = Enum.GetNames<Shirube.Domain.Psirt.ServicePractice>(),
        ["TrainingState."] = Enum.GetNames<Shirube.Domain.Training.TrainingState>(),
    };

    [Fact]
    public void JapaneseAndEnglish_HaveTheSameKeys_AndNoEmptyValue()
    {
        var en = Load("");
        var ja = Load("ja");
        Assert.Empty(en.Keys.Except(ja.Keys).Select(k => $"missing in Japanese: {k}"));
        Assert.Empty(ja.Keys.Except(en.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(en.Concat(ja).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"empty: {kv.Key}"));
    }

    [Fact]
    public void JapaneseStrings_AreJapanese()
    {
        var ja = Load("ja");
        // Names of roles and parts may stay in Latin letters (PSIRT, NW, PF, API), but sentences must not.
        var untranslated = ja.Where(kv => kv.Value.Length > 12 && !kv.Value.Any(c => c >= '\u3040')).Select(kv => kv.Key).ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public void EveryKeyTheUiUses_ExistsInBothLanguages()
    {
        var en = Load("");
        var ja = Load("ja");
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in StaticKey().Matches(text))
                used.Add(m.Groups[1].Value);
            foreach (Match m in DynamicKey().Matches(text))
            {
                var prefix = m.Groups[1].Value;
                Assert.True(DynamicKeys.ContainsKey(prefix), $"{Path.GetFileName(file)} builds keys from '{prefix}{{...}}': list the values in {nameof(DynamicKeys)}.");
                foreach (var value in DynamicKeys[prefix])
                    used.Add(prefix + value);
            }
        }
        Assert.True(used.Count > 50, $"found only {used.Count} keys: is the scan still looking in the right place?");
        Assert.Empty(used.Where(k => !en.ContainsKey(k)).Select(k => $"missing in English: {k}"));
        Assert.Empty(used.Where(k => !ja.ContainsKey(k)).Select(k => $"missing in Japanese: {k}"));
    }

    [Theory]
    [InlineData("ja,en;q=0.5", "サインイン")]
    [InlineData("ja-JP", "サインイン")]
    [InlineData("en-US,en;q=0.9", "Sign in")]
    [InlineData("de-DE", "Sign in")]
    public async Task LoginPage_FollowsAcceptLanguage(string acceptLanguage, string title)
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Accept-Language", acceptLanguage);
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains($">{title}</h1>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CultureCookie_OverridesAcceptLanguage()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Accept-Language", "en-US");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dja%7Cuic%3Dja");
        var html = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Contains(">サインイン</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""L\["([^"{}]+)"\]""")]
    private static partial Regex StaticKey();

    [GeneratedRegex("""L\[\$"([^"{}]*)\{""")]
    private static partial Regex DynamicKey();
}
