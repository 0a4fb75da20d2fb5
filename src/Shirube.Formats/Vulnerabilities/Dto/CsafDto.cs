using System.Text.Json.Serialization;

namespace Shirube.Formats.Vulnerabilities.Dto;

// The CSAF 2.0 fields a supplier advisory gives the vulnerability store (https://docs.oasis-open.org/csaf/csaf/v2.0/);
// the document is checked against the schema before it is mapped, so types are as the schema says.

internal sealed class CsafDto
{
    [JsonPropertyName("document")] public CsafDocumentDto? Document { get; set; }
    [JsonPropertyName("product_tree")] public CsafProductTreeDto? ProductTree { get; set; }
    [JsonPropertyName("vulnerabilities")] public List<CsafVulnerabilityDto>? Vulnerabilities { get; set; }
}

internal sealed class CsafDocumentDto
{
    [JsonPropertyName("category")] public string? Category { get; set; }
    [JsonPropertyName("csaf_version")] public string? CsafVersion { get; set; }
    [JsonPropertyName("lang")] public string? Lang { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("distribution")] public CsafDistributionDto? Distribution { get; set; }
    [JsonPropertyName("tracking")] public CsafTrackingDto? Tracking { get; set; }
    [JsonPropertyName("references")] public List<CsafReferenceDto>? References { get; set; }
}

internal sealed class CsafDistributionDto
{
    [JsonPropertyName("tlp")] public CsafTlpDto? Tlp { get; set; }
}

internal sealed class CsafTlpDto
{
    [JsonPropertyName("label")] public string? Label { get; set; }
}

internal sealed class CsafTrackingDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("initial_release_date")] public string? InitialReleaseDate { get; set; }
    [JsonPropertyName("current_release_date")] public string? CurrentReleaseDate { get; set; }
}

internal sealed class CsafReferenceDto
{
    [JsonPropertyName("url")] public string? Url { get; set; }
}

internal sealed class CsafProductTreeDto
{
    [JsonPropertyName("branches")] public List<CsafBranchDto>? Branches { get; set; }
    [JsonPropertyName("full_product_names")] public List<CsafProductDto>? FullProductNames { get; set; }
    [JsonPropertyName("relationships")] public List<CsafRelationshipDto>? Relationships { get; set; }
}

internal sealed class CsafBranchDto
{
    [JsonPropertyName("category")] public string? Category { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("product")] public CsafProductDto? Product { get; set; }
    [JsonPropertyName("branches")] public List<CsafBranchDto>? Branches { get; set; }
}

internal sealed class CsafProductDto
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("product_id")] public string? ProductId { get; set; }
    [JsonPropertyName("product_identification_helper")] public CsafHelperDto? Helper { get; set; }
}

internal sealed class CsafHelperDto
{
    [JsonPropertyName("purl")] public string? Purl { get; set; }
    [JsonPropertyName("cpe")] public string? Cpe { get; set; }
}

internal sealed class CsafRelationshipDto
{
    [JsonPropertyName("category")] public string? Category { get; set; }
    [JsonPropertyName("full_product_name")] public CsafProductDto? FullProductName { get; set; }
    [JsonPropertyName("product_reference")] public string? ProductReference { get; set; }
    [JsonPropertyName("relates_to_product_reference")] public string? RelatesTo { get; set; }
}

internal sealed class CsafVulnerabilityDto
{
    [JsonPropertyName("cve")] public string? Cve { get; set; }
    [JsonPropertyName("cwe")] public CsafCweDto? Cwe { get; set; }
    [JsonPropertyName("ids")] public List<CsafIdDto>? Ids { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("notes")] public List<CsafNoteDto>? Notes { get; set; }
    [JsonPropertyName("references")] public List<CsafReferenceDto>? References { get; set; }
    [JsonPropertyName("release_date")] public string? ReleaseDate { get; set; }
    [JsonPropertyName("scores")] public List<CsafScoreDto>? Scores { get; set; }
    [JsonPropertyName("product_status")] public CsafProductStatusDto? ProductStatus { get; set; }
}

internal sealed class CsafCweDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
}

internal sealed class CsafIdDto
{
    [JsonPropertyName("system_name")] public string? SystemName { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
}

internal sealed class CsafNoteDto
{
    [JsonPropertyName("category")] public string? Category { get; set; }
    [JsonPropertyName("text")] public string? Text { get; set; }
}

internal sealed class CsafScoreDto
{
    [JsonPropertyName("cvss_v2")] public CsafCvssDto? CvssV2 { get; set; }
    [JsonPropertyName("cvss_v3")] public CsafCvssDto? CvssV3 { get; set; }
}

internal sealed class CsafCvssDto
{
    [JsonPropertyName("vectorString")] public string? VectorString { get; set; }
}

internal sealed class CsafProductStatusDto
{
    [JsonPropertyName("first_affected")] public List<string>? FirstAffected { get; set; }
    [JsonPropertyName("known_affected")] public List<string>? KnownAffected { get; set; }
    [JsonPropertyName("last_affected")] public List<string>? LastAffected { get; set; }
}
