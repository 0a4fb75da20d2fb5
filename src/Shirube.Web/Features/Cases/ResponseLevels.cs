using System.Globalization;
using Shirube.Domain.Cases;

namespace Shirube.Web.Features.Cases;

/// <summary>
/// The response levels and SLA targets from settings: Shirube:Response:Levels:{Critical|High|Medium|Low}:
/// {AcknowledgeHours|TriageHours|FixHours}, and Shirube:Response:EpssThreshold (a probability, default 0.1); what is
/// not set keeps the default.
/// </summary>
internal static class ResponseLevels
{
    public static ResponsePolicy FromSettings(IConfiguration config)
    {
        var section = config.GetSection("Shirube:Response:Levels");
        var threshold = decimal.TryParse(config["Shirube:Response:EpssThreshold"], NumberStyles.Float, CultureInfo.InvariantCulture, out var t)
            ? t : ResponsePolicy.DefaultEpssThreshold;
        return new ResponsePolicy([.. ResponsePolicy.Default.Levels.Select(l =>
        {
            var s = section.GetSection(l.Name);
            TimeSpan Hours(string key, TimeSpan fallback) =>
                double.TryParse(s[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && h > 0 ? TimeSpan.FromHours(h) : fallback;
            return l with { Acknowledge = Hours("AcknowledgeHours", l.Acknowledge), Triage = Hours("TriageHours", l.Triage), Fix = Hours("FixHours", l.Fix) };
        })], threshold);
    }
}
