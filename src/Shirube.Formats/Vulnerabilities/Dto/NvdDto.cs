using System.Text.Json.Serialization;

namespace Shirube.Formats.Vulnerabilities.Dto;

// The NVD CVE API 2.0 fields Shirube keeps (https://csrc.nist.gov/schema/nvd/api/2.0/cve_api_json_2.0.schema).

internal sealed class NvdPageDto
{
    [JsonPropertyName("resultsPerPage")] public int? ResultsPerPage { get; set; }
    [JsonPropertyName("startIndex")] public int? StartIndex { get; set; }
    [JsonPropertyName("totalResults")] public int? TotalResults { get; set; }
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("vulnerabilities")] public List<NvdItemDto>? Vulnerabilities { get; set; }
}

internal sealed class NvdItemDto
{
    [JsonPropertyName("cve")] public NvdCveDto? Cve { get; set; }
}

internal sealed class NvdCveDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("published")] public string? Published { get; set; }
    [JsonPropertyName("lastModified")] public string? LastModified { get; set; }
    [JsonPropertyName("vulnStatus")] public string? VulnStatus { get; set; }
    [JsonPropertyName("descriptions")] public List<NvdLangStringDto>? Descriptions { get; set; }
    [JsonPropertyName("metrics")] public NvdMetricsDto? Metrics { get; set; }
    [JsonPropertyName("weaknesses")] public List<NvdWeaknessDto>? Weaknesses { get; set; }
    [JsonPropertyName("configurations")] public List<NvdConfigurationDto>? Configurations { get; set; }
    [JsonPropertyName("references")] public List<NvdReferenceDto>? References { get; set; }
}

internal sealed class NvdLangStringDto
{
    [JsonPropertyName("lang")] public string? Lang { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
}

internal sealed class NvdMetricsDto
{
    [JsonPropertyName("cvssMetricV40")] public List<NvdMetricDto>? V40 { get; set; }
    [JsonPropertyName("cvssMetricV31")] public List<NvdMetricDto>? V31 { get; set; }
    [JsonPropertyName("cvssMetricV30")] public List<NvdMetricDto>? V30 { get; set; }
    [JsonPropertyName("cvssMetricV2")] public List<NvdMetricDto>? V2 { get; set; }
}

internal sealed class NvdMetricDto
{
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("cvssData")] public NvdCvssDataDto? CvssData { get; set; }
}

internal sealed class NvdCvssDataDto
{
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("vectorString")] public string? VectorString { get; set; }
}

internal sealed class NvdWeaknessDto
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("description")] public List<NvdLangStringDto>? Description { get; set; }
}

internal sealed class NvdConfigurationDto
{
    [JsonPropertyName("operator")] public string? Operator { get; set; }
    [JsonPropertyName("negate")] public bool? Negate { get; set; }
    [JsonPropertyName("nodes")] public List<NvdNodeDto>? Nodes { get; set; }
}

internal sealed class NvdNodeDto
{
    [JsonPropertyName("operator")] public string? Operator { get; set; }
    [JsonPropertyName("negate")] public bool? Negate { get; set; }
    [JsonPropertyName("cpeMatch")] public List<NvdCpeMatchDto>? CpeMatch { get; set; }
}

internal sealed class NvdCpeMatchDto
{
    [JsonPropertyName("vulnerable")] public bool? Vulnerable { get; set; }
    [JsonPropertyName("criteria")] public string? Criteria { get; set; }
    [JsonPropertyName("versionStartIncluding")] public string? VersionStartIncluding { get; set; }
    [JsonPropertyName("versionStartExcluding")] public string? VersionStartExcluding { get; set; }
    [JsonPropertyName("versionEndIncluding")] public string? VersionEndIncluding { get; set; }
    [JsonPropertyName("versionEndExcluding")] public string? VersionEndExcluding { get; set; }
}

internal sealed class NvdReferenceDto
{
    [JsonPropertyName("url")] public string? Url { get; set; }
}
