using System.Text.Json;
using System.Text.Json.Serialization;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Portfolio;
using Shirube.Formats.Portfolio.Dto;

namespace Shirube.Formats.Portfolio;

/// <summary>
/// Reads the story of a portfolio (see <see cref="StorySeed"/>) as JSON: texts are <c>{"ja","en"}</c> objects, enum
/// values their names in camel case (<c>"notImplemented"</c>), products named as the portfolio names them.
/// </summary>
public static class StoryJsonReader
{
    private static readonly JsonSerializerOptions Options = PortfolioJson.Options(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));

    /// <summary>
    /// Parses a story about <paramref name="portfolio"/>, or throws <see cref="PortfolioFormatException"/> naming the
    /// place: a product or version the portfolio does not have, a case an incident names that the story does not.
    /// </summary>
    public static StorySeed Parse(string json, PortfolioSeed portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        return new Mapper(portfolio).ToDomain(PortfolioJson.Read<StoryDocumentDto>(json, Options));
    }

    private sealed class Mapper(PortfolioSeed portfolio)
    {
        private readonly Dictionary<string, ProductSeed> _products = portfolio.Products.ToDictionary(p => p.Name, StringComparer.Ordinal);

        public StorySeed ToDomain(StoryDocumentDto dto)
        {
            var cases = (dto.Cases ?? []).Select((c, i) => Case(c, $"$.cases[{i}]")).ToList();
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < cases.Count; i++)
            {
                if (!numbers.Add(cases[i].Number))
                    throw new PortfolioFormatException($"$.cases[{i}].number", $"the number '{cases[i].Number}' appears twice.");
            }
            return new StorySeed
            {
                Products = [.. dto.Products.Select((p, i) => Product(p, $"$.products[{i}]"))],
                Cases = cases,
                Incidents = [.. (dto.Incidents ?? []).Select((x, i) => Incident(x, $"$.incidents[{i}]", numbers))],
                Maturity = dto.Maturity is { } m
                    ? new MaturitySeed(Text(m.Title), Text(m.AssessedBy), m.DaysAgo,
                        [.. m.Answers.Select(a => new MaturityAnswerSeed(a.Service, a.Practice, a.Level, Optional(a.Owner), Optional(a.Evidence)))])
                    : null,
                Stakeholders = [.. (dto.Stakeholders ?? []).Select((s, i) => Stakeholder(s, $"$.stakeholders[{i}]"))],
                Courses = [.. (dto.Courses ?? []).Select(c => new CourseSeed(Text(c.Title))
                {
                    Description = Optional(c.Description),
                    Audience = Optional(c.Audience),
                    DurationMinutes = c.DurationMinutes,
                    ValidityMonths = c.ValidityMonths,
                    FirstService = c.FirstService,
                    Assignments = [.. (c.Assignments ?? []).Select(a => new AssignmentSeed(a.Role, a.DueInDays))],
                })],
            };
        }

        private ProductStory Product(ProductStoryDto p, string path)
        {
            var product = Find(p.Product, path + ".product");
            return new ProductStory(product.Name, p.Guidelines)
            {
                Exclusions = [.. (p.Exclusions ?? []).Select(e => new ExclusionSeed(e.Key, Text(e.Reason)))],
                Decisions = [.. (p.Decisions ?? []).Select(d => new DecisionSeed(d.Control, d.Needed, Text(d.Reason)))],
                Assessments = [.. (p.Assessments ?? []).Select((a, i) =>
                {
                    var at = $"{path}.assessments[{i}]";
                    Version(product, a.Version, at + ".version");
                    if (a.Implemented.Values.Any(v => v is < 0 or > 1 || double.IsNaN(v)))
                        throw new PortfolioFormatException(at + ".implemented", "a share is a number from 0 to 1.");
                    return new AssessmentSeed(a.Version, a.DaysAgo, a.MetThrough, a.Implemented);
                })],
            };
        }

        private CaseSeed Case(CaseDto c, string path)
        {
            var product = Find(c.Product, path + ".product");
            var versions = c.Versions ?? [];
            for (var i = 0; i < versions.Count; i++)
                Version(product, versions[i], $"{path}.versions[{i}]");
            return new CaseSeed(c.Number, product.Name, Text(c.Title), Text(c.Description))
            {
                Versions = versions,
                ReporterEmail = c.ReporterEmail,
                ReceivedDaysAgo = c.ReceivedDaysAgo,
                Steps = [.. (c.Steps ?? []).Select(s => new CaseStepSeed(s.State, s.Hours, Optional(s.Reason)))],
                Cwe = c.Cwe,
                RootCause = Optional(c.RootCause),
                Cvss = c.Cvss,
                Plan = Optional(c.Plan),
                PlannedReleaseInDays = c.PlannedReleaseInDays,
                Credit = c.Credit,
                ExploitedHoursAgo = c.ExploitedHoursAgo,
                ReportsSentHoursAgo = c.ReportsSentHoursAgo ?? new Dictionary<Domain.Cases.CraReportKind, double>(),
                Comments = [.. (c.Comments ?? []).Select(x => new CaseCommentSeed(x.Hours, Text(x.Text), x.Shared))],
            };
        }

        private IncidentSeed Incident(IncidentDto x, string path, HashSet<string> cases)
        {
            var product = x.Product is null ? null : Find(x.Product, path + ".product");
            var versions = x.Versions ?? [];
            for (var i = 0; i < versions.Count; i++)
                Version(product ?? throw new PortfolioFormatException($"{path}.versions", "versions need a product."), versions[i], $"{path}.versions[{i}]");
            if (x.Case is not null && !cases.Contains(x.Case))
                throw new PortfolioFormatException(path + ".case", $"no case has the number '{x.Case}'.");
            return new IncidentSeed(x.Number, Text(x.Title), Text(x.Summary), x.Severity)
            {
                Product = product?.Name,
                Versions = versions,
                Case = x.Case,
                UserAction = Optional(x.UserAction),
                DetectedHoursAgo = x.DetectedHoursAgo,
                AwareHoursAgo = x.AwareHoursAgo,
                Severe = x.Severe,
                Timeline = [.. (x.Timeline ?? []).Select(t => new TimelineSeed(t.HoursAgo, t.Kind, Text(t.Text)))],
                Notifications = [.. (x.Notifications ?? []).Select(n => new NotificationSeed(n.HoursAgo, n.Group, Text(n.Recipient), n.Channel, Optional(n.Note)))],
                Steps = [.. (x.Steps ?? []).Select(s => new IncidentStepSeed(s.State, s.HoursAgo))],
                Statement = Optional(x.Statement),
                ApprovedStatements = x.ApprovedStatements ?? [],
            };
        }

        private StakeholderSeed Stakeholder(StakeholderDto s, string path)
        {
            var products = s.Products ?? [];
            for (var i = 0; i < products.Count; i++)
                Find(products[i], $"{path}.products[{i}]");
            return new StakeholderSeed(s.Kind, Text(s.Name))
            {
                Email = s.Email,
                Phone = s.Phone,
                WebPage = s.WebPage,
                PreferredLanguage = s.PreferredLanguage,
                Notes = Optional(s.Notes),
                PurlKeys = s.PurlKeys ?? [],
                CpeVendors = s.CpeVendors ?? [],
                Products = products,
            };
        }

        private ProductSeed Find(string name, string path) =>
            _products.GetValueOrDefault(name) ?? throw new PortfolioFormatException(path, $"the portfolio has no product named '{name}'.");

        private static void Version(ProductSeed product, string version, string path)
        {
            if (!product.Versions.Any(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase)))
                throw new PortfolioFormatException(path, $"'{product.Name}' has no version '{version}'.");
        }

        private static LocalizedText Text(TextDto text) => new(text.En, text.Ja);

        private static LocalizedText? Optional(TextDto? text) => text is null ? null : Text(text);
    }
}
