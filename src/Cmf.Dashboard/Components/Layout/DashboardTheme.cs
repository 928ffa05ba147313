using MudBlazor;

namespace Cmf.Dashboard.Components.Layout;

/// <summary>
/// MudBlazor's palettes with state colours chosen for contrast: every chip's text meets WCAG AA (4.5:1)
/// on its background in both themes (white on the light theme's darker tones, black on the dark theme's lighter ones).
/// </summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Success = "#1a7f37",
            SuccessContrastText = "#ffffff",
            Error = "#c62828",
            ErrorContrastText = "#ffffff",
            Info = "#0b5cad",
            InfoContrastText = "#ffffff",
            Warning = "#f2b01e",
            WarningContrastText = "#000000",
            Tertiary = "#546e7a",
            TertiaryContrastText = "#ffffff",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a59cf5",
            PrimaryContrastText = "#000000",
            Success = "#4ac26b",
            SuccessContrastText = "#000000",
            Error = "#ff7b72",
            ErrorContrastText = "#000000",
            Info = "#79b8ff",
            InfoContrastText = "#000000",
            Warning = "#e3b341",
            WarningContrastText = "#000000",
            Tertiary = "#9fb3bd",
            TertiaryContrastText = "#000000",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.72)",
        },
    };
}
