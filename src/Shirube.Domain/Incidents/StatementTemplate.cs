using System.Globalization;
using System.Text;

namespace Shirube.Domain.Incidents;

/// <summary>
/// The first draft of an incident's public statement in Japanese or English, assembled from the incident: title, what
/// happened, products and versions, severity and what users should do. The PSIRT edits it before approval.
/// </summary>
public static class StatementTemplate
{
    /// <summary>The draft in <paramref name="language"/> ("ja" or "en").</summary>
    /// <param name="language">"ja" or "en".</param>
    /// <param name="incident">The incident.</param>
    /// <param name="product">The product's name, if the incident has one.</param>
    /// <param name="versions">The affected versions' names.</param>
    public static string Draft(string language, Incident incident, string? product, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(versions);
        var ja = language switch
        {
            "ja" => true,
            "en" => false,
            _ => throw IncidentErrors.UnknownLanguage(language).Exception(),
        };
        var day = incident.DetectedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var products = product is null
            ? ja ? "特定の製品には関係しません。" : "No particular product is concerned."
            : versions.Count == 0 ? product
            : ja ? $"{product}(バージョン {string.Join("、", versions)})" : $"{product} (version{(versions.Count > 1 ? "s" : "")} {string.Join(", ", versions)})";
        var action = incident.UserAction ?? (ja
            ? "現時点でお客様に必要な対応はありません。対応が必要になった場合は、このお知らせでお伝えします。"
            : "For now you need not do anything. Should that change, we will say so in this notice.");
        var text = new StringBuilder();
        if (ja)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"【お知らせ】{incident.Title}").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"{day} に、弊社は以下のセキュリティ上の事象を確認しました。").AppendLine()
                .AppendLine("■ 概要").AppendLine(incident.Summary).AppendLine()
                .AppendLine("■ 対象製品").AppendLine(products).AppendLine()
                .AppendLine("■ 深刻度").AppendLine(SeverityName(incident.Severity, ja)).AppendLine()
                .AppendLine("■ お客様へのお願い").AppendLine(action).AppendLine()
                .AppendLine("ご不便とご心配をおかけしますことをお詫び申し上げます。新たな情報が分かり次第、このお知らせを更新します。");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Notice: {incident.Title}").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"On {day} we found the security incident described below.").AppendLine()
                .AppendLine("What happened").AppendLine(incident.Summary).AppendLine()
                .AppendLine("Products concerned").AppendLine(products).AppendLine()
                .AppendLine("Severity").AppendLine(SeverityName(incident.Severity, ja)).AppendLine()
                .AppendLine("What you should do").AppendLine(action).AppendLine()
                .AppendLine("We apologise for the trouble and worry this causes. We will update this notice as we learn more.");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The severity's name in the statement's language.</summary>
    public static string SeverityName(IncidentSeverity severity, bool japanese) => severity switch
    {
        IncidentSeverity.Low => japanese ? "低" : "Low",
        IncidentSeverity.Moderate => japanese ? "中" : "Moderate",
        IncidentSeverity.High => japanese ? "高" : "High",
        IncidentSeverity.Critical => japanese ? "緊急" : "Critical",
        _ => severity.ToString(),
    };
}
