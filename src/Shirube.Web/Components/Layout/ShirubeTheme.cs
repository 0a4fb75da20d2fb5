using MudBlazor;

namespace Shirube.Web.Components.Layout;

internal static class ShirubeTheme
{
    // Noto Sans CJK first so that Japanese renders in one consistent face; no web fonts are fetched.
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f4e79", Secondary = "#c0504d", AppbarBackground = "#1f4e79" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK JP", "Noto Sans JP", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
