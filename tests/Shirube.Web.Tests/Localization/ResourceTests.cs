using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shirube.Data;
using Shirube.Domain.Accounts;
using Shirube.Domain.Auditing;
using Shirube.Domain.Guidelines;
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
        ["AdvisoryStatus."] = Enum.GetNames<Shirube.Domain.Disclosure.Advisories.AdvisoryStatus>(),
        ["AdvisoryRelease."] = Enum.GetNames<Shirube.Domain.Disclosure.Advisories.AdvisoryRelease>(),
        ["Advisories.Lang."] = ["ja", "en"],
        ["Advisories.Field."] = ["Title", "Summary", "Details", "Workaround", "Mitigation", "Impact", "RevisionSummary"],
        // The dashboard's checklist: each step's link text and its hint.
        ["FirstSteps."] = Enum.GetNames<Shirube.Domain.Dashboard.FirstStep>().SelectMany(s => new[] { s, s + ".Hint" }),
        // Every metric and value of every CVSS version, by family (2, 3, 4): the editor offers all of them.
        ["Cvss.M."] = CvssKeys().Select(k => $"{k.Family}.{k.Metric.Key}").Distinct(),
        ["Cvss.V."] = CvssKeys().SelectMany(k => k.Metric.Values.Select(v => $"{k.Family}.{k.Metric.Key}.{v}")).Distinct(),
        ["Cvss.G."] = [.. Enum.GetNames<Shirube.Domain.Scoring.CvssMetricGroup>(), "Threat"],
        ["Response.Level."] = Shirube.Domain.Cases.ResponsePolicy.Default.Levels.Select(l => l.Name),
        ["Sla.Step."] = ["Acknowledge", "Triage", "Fix"],
        ["Sla.Status."] = Enum.GetNames<Shirube.Domain.Cases.SlaStatus>(),
        ["Feeds.Name."] = Enum.GetNames<Shirube.Domain.Exploitation.ExploitationFeed>(),
        ["VulnData.Outcome."] = Shirube.Web.Features.Vulnerabilities.VulnerabilitySync.Outcomes,
        ["RiskLevel."] = Enum.GetNames<Shirube.Domain.Risk.RiskLevel>(),
        ["RiskMatrix."] = Enum.GetNames<Shirube.Domain.Risk.RiskAxis>(),
        ["Stride."] = Enum.GetNames<Shirube.Domain.Threats.StrideCategory>(),
        ["CmStatus."] = Enum.GetNames<Shirube.Domain.Threats.CountermeasureStatus>(),
        ["Decision."] = Enum.GetNames<Shirube.Domain.Threats.ThreatDecision>(),
        ["Metrics.Step."] = Enum.GetNames<Shirube.Domain.Metrics.SlaStep>(),
        ["StakeholderKind."] = Enum.GetNames<Shirube.Domain.Stakeholders.StakeholderKind>(),
        ["Stakeholders.Match."] = Enum.GetNames<Shirube.Domain.Stakeholders.SupplierMatchKind>(),
        ["Stakeholders.Field."] = ["nameJa", "nameEn", "email", "phone", "webPage", "preferredLanguage", "encryptionKey", "notes", "purlKeys", "cpeVendors", "productIds", "kind", "body"],
        ["Psirt.Field."] = ["name", "role", "timeSharePercent", "userId", "departmentId", "commitment", "body"],
        ["PsirtSetup."] = Enum.GetNames<Shirube.Domain.Psirt.PsirtSetup>(),
        ["PsirtSetupExplain."] = Enum.GetNames<Shirube.Domain.Psirt.PsirtSetup>(),
        ["Commitment."] = Enum.GetNames<Shirube.Domain.Psirt.PsirtCommitment>(),
        ["RaciWarning."] = Enum.GetNames<Shirube.Domain.Psirt.RaciWarning>(),
        ["Cra.IncidentKind."] = Enum.GetNames<Shirube.Domain.Cases.CraReportKind>(),
        ["IncidentSeverity."] = Enum.GetNames<Shirube.Domain.Incidents.IncidentSeverity>(),
        ["IncidentSeverityText."] = Enum.GetNames<Shirube.Domain.Incidents.IncidentSeverity>(),
        ["IncidentState."] = Enum.GetNames<Shirube.Domain.Incidents.IncidentState>(),
        ["TimelineKind."] = Enum.GetNames<Shirube.Domain.Incidents.TimelineKind>(),
        ["StakeholderGroup."] = Enum.GetNames<Shirube.Domain.Incidents.StakeholderGroup>(),
        ["NotificationChannel."] = Enum.GetNames<Shirube.Domain.Incidents.NotificationChannel>(),
        ["NotificationStatus."] = Enum.GetNames<Shirube.Domain.Incidents.NotificationStatus>(),
        ["StatementStatus."] = Enum.GetNames<Shirube.Domain.Incidents.StatementStatus>(),
        ["Notices.Cra."] = ["error", "warning"],
        ["Notices."] = ["SupportEnding", "SupportEnded"],
        ["Maturity.Trend."] = Enum.GetNames<Shirube.Domain.Psirt.MaturityTrend>(),
        ["Practice."] = Enum.GetNames<Shirube.Domain.Psirt.ServicePractice>(),
        ["TrainingState."] = Enum.GetNames<Shirube.Domain.Training.TrainingState>(),
        ["Severity."] = Enum.GetNames<Shirube.Domain.Scoring.CvssSeverity>(),
        ["FindingState."] = Enum.GetNames<Shirube.Domain.Components.FindingState>(),
        ["FindingJustification."] = Enum.GetNames<Shirube.Domain.Components.FindingJustification>(),
        ["Affected.Kind."] = ["name", "purl", "cpe", "vulnerability"],
    };

    private static IEnumerable<(string Family, Shirube.Domain.Scoring.CvssMetric Metric)> CvssKeys() =>
        Enum.GetValues<Shirube.Domain.Scoring.CvssVersion>().SelectMany(v => Shirube.Domain.Scoring.CvssVector.MetricsOf(v)
            .Select(m => (v switch { Shirube.Domain.Scoring.CvssVersion.V2 => "2", Shirube.Domain.Scoring.CvssVersion.V40 => "4", _ => "3" }, m)));

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
