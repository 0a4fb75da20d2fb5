namespace Shirube.Domain.Guidelines;

/// <summary>The fine-grained parts of an IoT system that a requirement or a product concerns.</summary>
public enum IotPart
{
    /// <summary>The endpoint itself: sensor, actuator, appliance.</summary>
    Device,
    /// <summary>Short-range links: Wi-Fi, BLE, Zigbee and the like.</summary>
    NetworkLocal,
    /// <summary>Wide-area links: cellular, LPWA, the internet.</summary>
    NetworkWide,
    /// <summary>Gateways between local and wide-area networks.</summary>
    Gateway,
    /// <summary>The IoT cloud or platform.</summary>
    PlatformCloud,
    /// <summary>Platform APIs, authentication, data analysis and storage, links to business systems.</summary>
    PlatformApiData,
    /// <summary>Organisation, policy, lifecycle and vulnerability handling.</summary>
    Management,
}

/// <summary>The four groups of the classic coverage table: device, network, platform, management.</summary>
public enum IotPartGroup
{
    /// <summary>デバイス.</summary>
    Device,
    /// <summary>NW.</summary>
    Network,
    /// <summary>PF.</summary>
    Platform,
    /// <summary>マネジメント.</summary>
    Management,
}

/// <summary>Names, groups and parsing of <see cref="IotPart"/>.</summary>
public static class IotParts
{
    private static readonly (IotPart Part, string Id)[] Ids =
    [
        (IotPart.Device, "device"),
        (IotPart.NetworkLocal, "network-local"),
        (IotPart.NetworkWide, "network-wide"),
        (IotPart.Gateway, "gateway"),
        (IotPart.PlatformCloud, "platform-cloud"),
        (IotPart.PlatformApiData, "platform-api-data"),
        (IotPart.Management, "management"),
    ];

    /// <summary>Every part, in the order of the coverage table.</summary>
    public static IReadOnlyList<IotPart> All { get; } = Ids.Select(i => i.Part).ToArray();

    /// <summary>The group a part belongs to.</summary>
    public static IotPartGroup GroupOf(IotPart part) => part switch
    {
        IotPart.Device => IotPartGroup.Device,
        IotPart.NetworkLocal or IotPart.NetworkWide or IotPart.Gateway => IotPartGroup.Network,
        IotPart.PlatformCloud or IotPart.PlatformApiData => IotPartGroup.Platform,
        IotPart.Management => IotPartGroup.Management,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown IoT part."),
    };

    /// <summary>The catalog identifier of a part, e.g. <c>network-local</c>.</summary>
    public static string ToId(this IotPart part) => Ids.First(i => i.Part == part).Id;

    /// <summary>Parses a catalog identifier such as <c>platform-cloud</c>; case-insensitive.</summary>
    public static bool TryParse(string? text, out IotPart part)
    {
        foreach (var (p, id) in Ids)
        {
            if (string.Equals(id, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                part = p;
                return true;
            }
        }
        part = default;
        return false;
    }

    /// <summary>
    /// Parses a comma-separated list of parts, where a group name (network, platform) stands for every part of the
    /// group, e.g. "device,network,platform-cloud,management".
    /// </summary>
    public static IReadOnlyList<IotPart> ParseList(string text) => TryParseList(text, out var parts, out var unknown)
        ? parts
        : throw new FormatException($"'{unknown}' is not an IoT part or part group; expected a group (device, network, platform, management) or one of: {string.Join(", ", Ids.Select(i => i.Id))}.");

    /// <summary>
    /// Parses a comma-separated list of parts and part groups as <see cref="ParseList"/> does; false with the first
    /// item that is neither in <paramref name="unknown"/>.
    /// </summary>
    public static bool TryParseList(string? text, out IReadOnlyList<IotPart> parts, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? unknown)
    {
        var found = new List<IotPart>();
        foreach (var item in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(item, out var part))
                found.Add(part);
            else if (Enum.TryParse<IotPartGroup>(item, ignoreCase: true, out var group) && Enum.IsDefined(group) && !item.Any(char.IsAsciiDigit))
                found.AddRange(All.Where(p => GroupOf(p) == group));
            else
            {
                parts = [];
                unknown = item;
                return false;
            }
        }
        parts = [.. found.Distinct().Order()];
        unknown = null;
        return true;
    }

    /// <summary>Parses a catalog identifier, or throws <see cref="FormatException"/> naming the valid ones.</summary>
    public static IotPart Parse(string text) => TryParse(text, out var part)
        ? part
        : throw new FormatException($"'{text}' is not an IoT part; expected one of: {string.Join(", ", Ids.Select(i => i.Id))}.");
}
