using Shirube.Formats.Oscal.Dto;

namespace Shirube.Formats.Exports.Dto;

// The parts of the OSCAL profile and assessment-results models (v1.0.6, compatible with 1.1) that the baseline
// exports write. Names become kebab-case through OscalJson.Options, members are in the schema's order, and null
// members (and so empty arrays, which the schema forbids) are left out. Metadata, props, links and parts are the
// catalog DTOs.

internal sealed record ProfileDocumentDto(ProfileDto Profile);

internal sealed record ProfileDto(
    string Uuid, MetadataDto Metadata, IReadOnlyList<ImportDto> Imports, MergeDto Merge, ModifyDto? Modify, BackMatterExportDto? BackMatter);

internal sealed record ImportDto(string Href, IReadOnlyList<SelectControlByIdDto> IncludeControls);

internal sealed record SelectControlByIdDto(string? WithChildControls, IReadOnlyList<string> WithIds);

internal sealed record MergeDto(bool AsIs);

internal sealed record ModifyDto(IReadOnlyList<AlterDto> Alters);

internal sealed record AlterDto(string ControlId, IReadOnlyList<AddDto> Adds);

internal sealed record AddDto(string Position, IReadOnlyList<PropertyDto>? Props, IReadOnlyList<PartDto>? Parts);

internal sealed record BackMatterExportDto(IReadOnlyList<ResourceExportDto> Resources);

internal sealed record ResourceExportDto(
    string Uuid, string? Title, string? Description, IReadOnlyList<PropertyDto>? Props, IReadOnlyList<ResourceLinkDto>? Rlinks, Base64Dto? Base64,
    string? Remarks);

internal sealed record Base64Dto(string? Filename, string? MediaType, string Value);

internal sealed record AssessmentResultsDocumentDto(AssessmentResultsDto AssessmentResults);

internal sealed record AssessmentResultsDto(
    string Uuid, MetadataDto Metadata, ImportApDto ImportAp, IReadOnlyList<ResultDto> Results, BackMatterExportDto? BackMatter);

internal sealed record ImportApDto(string Href, string? Remarks);

internal sealed record ResultDto(
    string Uuid, string Title, string Description, string Start, string? End, IReadOnlyList<PropertyDto>? Props,
    ReviewedControlsDto ReviewedControls, IReadOnlyList<ObservationDto>? Observations, IReadOnlyList<FindingDto>? Findings, string? Remarks);

internal sealed record ReviewedControlsDto(IReadOnlyList<ControlSelectionDto> ControlSelections);

internal sealed record ControlSelectionDto(string? Description, IReadOnlyList<SelectControlDto>? IncludeControls);

internal sealed record SelectControlDto(string ControlId);

internal sealed record ObservationDto(
    string Uuid, string? Title, string Description, IReadOnlyList<PropertyDto>? Props, IReadOnlyList<string> Methods,
    IReadOnlyList<string>? Types, IReadOnlyList<OriginDto>? Origins, IReadOnlyList<RelevantEvidenceDto>? RelevantEvidence, string Collected,
    string? Remarks);

internal sealed record OriginDto(IReadOnlyList<OriginActorDto> Actors);

internal sealed record OriginActorDto(string Type, string ActorUuid);

internal sealed record RelevantEvidenceDto(string? Href, string Description);

internal sealed record FindingDto(
    string Uuid, string Title, string Description, IReadOnlyList<PropertyDto>? Props, IReadOnlyList<OriginDto>? Origins, FindingTargetDto Target,
    IReadOnlyList<RelatedObservationDto>? RelatedObservations, string? Remarks);

internal sealed record FindingTargetDto(
    string Type, string TargetId, string? Title, IReadOnlyList<PropertyDto>? Props, TargetStatusDto Status,
    ImplementationStatusDto? ImplementationStatus, string? Remarks);

internal sealed record TargetStatusDto(string State, string? Reason, string? Remarks);

internal sealed record ImplementationStatusDto(string State, string? Remarks);

internal sealed record RelatedObservationDto(string ObservationUuid);
