using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Model;

/// <summary>Going to another view of a page (a filter, a tab, a range): every such state lives in the URL.</summary>
public static class EmbedNavigation
{
    /// <summary>Navigates to an in-app URL; an embedded page stays embedded.</summary>
    public static void NavigateWithin(this NavigationManager navigation, EmbedMode? embed, string url, bool replace = false) =>
        navigation.NavigateTo(EmbedUrl.With(url, embed?.IsEmbedded ?? false), replace: replace);
}
