using Shirube.Domain.Accounts;
using Shirube.Domain.Cases;
using Shirube.Domain.Incidents;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Psirt;
using Shirube.Domain.Scoring;
using Shirube.Domain.Stakeholders;
using Shirube.Domain.Training;

namespace Shirube.Data.Demo;

/// <summary>The PSIRT's side of the story: cases, incidents, the maturity self-assessment, stakeholders, training.</summary>
internal sealed partial class StoryWriter
{
    /// <summary>
    /// Each case as it came in, with its analysis and plan, assigned to its product at triage and moved step by step
    /// along the workflow; then its comments, the exploitation flag and the CRA reports sent. Returns them by number.
    /// </summary>
    private Dictionary<string, VulnerabilityCase> WriteCases(IReadOnlyList<CaseSeed> seeds)
    {
        var cases = new Dictionary<string, VulnerabilityCase>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var product = products[seed.Product];
            var received = Past(now.AddDays(-seed.ReceivedDaysAgo));
            var (c, _) = VulnerabilityCase.Receive(seed.Number, Line(seed.Title), Block(seed.Description), product.Name, seed.ReporterEmail, received, isDemo: true);
            // Stored normalized, as the case page stores a vector.
            c.Analyse(seed.Cwe, OptionalBlock(seed.RootCause), seed.Cvss is null ? null : CvssVector.Parse(seed.Cvss).Score().Vector);
            c.Plan(OptionalBlock(seed.Plan), seed.PlannedReleaseInDays is { } days ? DateOnly.FromDateTime(now).AddDays(days) : null, null, seed.Credit);
            foreach (var step in seed.Steps)
            {
                if (step.State == CaseState.Triage)
                    c.Assign(product.Id, product.BusinessUnitId, seed.Versions.Select(v => VersionOf(product, v)));
                c.MoveTo(step.State, By, Past(received.AddHours(step.HoursAfterReceipt)), OptionalLine(step.Reason));
            }
            foreach (var comment in seed.Comments)
                c.Comment(By, Block(comment.Text), comment.Shared, fromReporter: false, Past(received.AddHours(comment.HoursAfterReceipt)));
            if (seed.ExploitedHoursAgo is { } exploited)
                c.MarkExploited(true, HoursAgo(exploited));
            foreach (var (kind, hours) in seed.ReportsSentHoursAgo.OrderBy(r => r.Key))
                c.RecordSent(kind, HoursAgo(hours));
            db.Cases.Add(c);
            cases.Add(c.Number, c);
        }
        return cases;
    }

    /// <summary>Each incident opened when the PSIRT became aware, with its timeline, notifications, steps and statements.</summary>
    private int WriteIncidents(IReadOnlyList<IncidentSeed> seeds, Dictionary<string, VulnerabilityCase> cases)
    {
        foreach (var seed in seeds)
        {
            var (detected, aware) = (HoursAgo(seed.DetectedHoursAgo), HoursAgo(seed.AwareHoursAgo));
            var incident = Incident.Open(seed.Number, Line(seed.Title), Block(seed.Summary), seed.Severity, detected, aware, By, aware, isDemo: true);
            incident.Describe(incident.Title, incident.Summary, OptionalBlock(seed.UserAction), seed.Severity, detected, aware, aware);
            if (seed.Case is { } number)
                incident.Link(cases[number].Id);
            if (seed.Product is { } name)
            {
                var product = products[name];
                incident.Assign(product.Id, product.BusinessUnitId, seed.Versions.Select(v => VersionOf(product, v)));
            }
            incident.MarkSevere(seed.Severe);
            foreach (var entry in seed.Timeline)
                incident.Record(HoursAgo(entry.HoursAgo), entry.Kind, Block(entry.Text), By, now);
            foreach (var n in seed.Notifications)
                incident.Notify(n.Group, Line(n.Recipient), n.Channel, HoursAgo(n.HoursAgo), By, OptionalLine(n.Note), now);
            foreach (var step in seed.Steps)
                incident.MoveTo(step.State, By, HoursAgo(step.HoursAgo), null);
            if (seed.Statement is { } statement)
            {
                // Written once the incident was last worked on.
                var written = incident.Transitions.Select(t => t.At).Concat(incident.Timeline.Select(e => e.At)).Max();
                incident.SaveStatement("ja", statement.Ja, By, written);
                incident.SaveStatement("en", statement.En, By, written);
                foreach (var language in seed.ApprovedStatements)
                    incident.ApproveStatement(language, By, written);
            }
            db.Incidents.Add(incident);
        }
        return seeds.Count;
    }

    /// <summary>The self-assessment, every service answered, completed two days after the day it describes.</summary>
    private int WriteMaturity(MaturitySeed seed)
    {
        var assessed = Past(now.AddDays(-seed.DaysAgo));
        var assessment = MaturityAssessment.Start(framework, Line(seed.Title), DateOnly.FromDateTime(assessed), Line(seed.AssessedBy), By, assessed, isDemo: true);
        foreach (var answer in seed.Answers)
        {
            if (framework.Service(answer.Service) is null)
                throw new InvalidOperationException($"The example answers service {answer.Service}, which FIRST PSIRT Services Framework {framework.Version} does not have.");
            assessment.Answer(answer.Service, answer.Practice, OptionalLine(answer.Owner), OptionalLine(answer.Evidence), answer.Level);
        }
        assessment.Complete(By, Min(assessed.AddDays(2), now));
        db.MaturityAssessments.Add(assessment);
        return 1;
    }

    private int WriteStakeholders(IReadOnlyList<StakeholderSeed> seeds)
    {
        foreach (var seed in seeds)
        {
            var stakeholder = Stakeholder.Create(seed.Kind, new StakeholderDetails(seed.Name.Ja, seed.Name.En, seed.Email, seed.Phone, seed.WebPage,
                seed.PreferredLanguage, Notes: OptionalLine(seed.Notes)), isDemo: true);
            stakeholder.SetSupplierKeys(seed.PurlKeys, seed.CpeVendors);
            stakeholder.LinkProducts(seed.Products.Select(p => products[p].Id));
            db.Stakeholders.Add(stakeholder);
        }
        return seeds.Count;
    }

    /// <summary>Each course with its assignments to the current holders of a role (later holders join when it is refreshed).</summary>
    private int WriteCourses(IReadOnlyList<CourseSeed> seeds, IReadOnlyDictionary<string, List<(string UserId, string UserName)>> holders)
    {
        foreach (var seed in seeds)
        {
            if (seed.FirstService is { } service && framework.Service(service) is null)
                throw new InvalidOperationException($"The example course serves {service}, which FIRST PSIRT Services Framework {framework.Version} does not have.");
            var course = TrainingCourse.Create(seed.Title.En, seed.Title.Ja, OptionalBlock(seed.Description), OptionalLine(seed.Audience), seed.DurationMinutes,
                seed.ValidityMonths, seed.FirstService, isDemo: true);
            db.TrainingCourses.Add(course);
            foreach (var a in seed.Assignments)
            {
                if (!Roles.IsKnown(a.Role))
                    throw new InvalidOperationException($"The example assigns a course to '{a.Role}', which is not a role.");
                db.TrainingAssignments.Add(TrainingAssignment.ToRole(course.Id, a.Role, holders.GetValueOrDefault(a.Role) ?? [],
                    DateOnly.FromDateTime(now).AddDays(a.DueInDays), By, now));
            }
        }
        return seeds.Count;
    }

    private static Guid VersionOf(Product product, string version) =>
        product.Versions.Single(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase)).Id;
}
