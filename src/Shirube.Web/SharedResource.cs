namespace Shirube.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource(.ja).resx.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; never instantiated.
public sealed class SharedResource;
#pragma warning restore CA1052
