namespace Shirube.Formats.Oscal.Dto;

// The part of the OSCAL catalog model (v1.0.x, compatible with 1.1) that Shirube reads and writes. Property names
// become kebab-case through OscalJson.Options; member order is the order the schema lists them in, so that
// exports read like other OSCAL documents. Every member is nullable: the reader checks what it needs and names
// the place, and the writer leaves out what is empty (the schema forbids empty arrays).

internal sealed record OscalDocumentDto(CatalogDto? Catalog);

internal sealed record CatalogDto(
    string? Uuid, MetadataDto? Metadata, IReadOnlyList<ParameterDto>? Params, IReadOnlyList<ControlDto>? Controls,
    IReadOnlyList<GroupDto>? Groups, BackMatterDto? BackMatter);

internal sealed record MetadataDto(
    string? Title, string? Published, string? LastModified, string? Version, string? OscalVersion,
    IReadOnlyList<PropertyDto>? Props, IReadOnlyList<LinkDto>? Links, IReadOnlyList<PartyDto>? Parties,
    IReadOnlyList<ResponsiblePartyDto>? ResponsibleParties, string? Remarks);

internal sealed record PartyDto(string? Uuid, string? Type, string? Name);

internal sealed record ResponsiblePartyDto(string? RoleId, IReadOnlyList<string>? PartyUuids);

internal sealed record GroupDto(
    string? Id, string? Class, string? Title, IReadOnlyList<ParameterDto>? Params, IReadOnlyList<PropertyDto>? Props,
    IReadOnlyList<PartDto>? Parts, IReadOnlyList<GroupDto>? Groups, IReadOnlyList<ControlDto>? Controls);

internal sealed record ControlDto(
    string? Id, string? Class, string? Title, IReadOnlyList<ParameterDto>? Params, IReadOnlyList<PropertyDto>? Props,
    IReadOnlyList<PartDto>? Parts, IReadOnlyList<ControlDto>? Controls);

internal sealed record ParameterDto(string? Id, IReadOnlyList<PropertyDto>? Props, string? Label, IReadOnlyList<string>? Values, SelectionDto? Select);

internal sealed record SelectionDto(string? HowMany, IReadOnlyList<string>? Choice);

internal sealed record PartDto(
    string? Id, string? Name, string? Ns, string? Class, string? Title, IReadOnlyList<PropertyDto>? Props, string? Prose,
    IReadOnlyList<PartDto>? Parts);

internal sealed record PropertyDto(string? Name, string? Ns, string? Value, string? Class);

internal sealed record LinkDto(string? Href, string? Rel, string? Text);

internal sealed record BackMatterDto(IReadOnlyList<ResourceDto>? Resources);

internal sealed record ResourceDto(string? Uuid, string? Title, IReadOnlyList<ResourceLinkDto>? Rlinks);

internal sealed record ResourceLinkDto(string? Href, string? MediaType);
