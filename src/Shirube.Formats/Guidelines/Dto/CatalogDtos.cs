namespace Shirube.Formats.Guidelines.Dto;

internal sealed record TextDto(string En, string Ja);

internal sealed record SourceDto(string Url, string Licence, string Reuse, string? Reference);

internal sealed record GroupDto(string Id, TextDto Title, IReadOnlyList<GroupDto>? Groups);

internal sealed record RequirementDto(
    string Id, string? Group, TextDto Title, TextDto Summary, IReadOnlyList<string> Parts, IReadOnlyList<string> Phases,
    string? Level, IReadOnlyList<string>? Levels, IReadOnlyList<string>? Controls, bool? Verified, TextDto? Note);

internal sealed record GuidelineDto(
    string Id, TextDto Name, string? ShortName, string Issuer, string Region, int Year, string? Version, string Kind, string? Sector,
    TextDto Scope, TextDto Summary, SourceDto Source, IReadOnlyList<string>? Levels, int ExpectedCount, bool? Verified, TextDto? Note,
    IReadOnlyList<GroupDto>? Groups, IReadOnlyList<RequirementDto> Requirements);

internal sealed record ControlDto(string Id, TextDto Title, TextDto Description);

internal sealed record ControlsDto(IReadOnlyList<ControlDto> Controls);
