using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// Side-by-side (or inline) diff of two effective specs, unchanged runs folded behind "show N hidden lines".
/// The texts may carry sealed secret tokens: they are compared, never shown.
/// </summary>
public partial class SpecDiffView
{
    private SpecDiff _diff = SpecDiff.Compute(null, null);
    private IReadOnlyList<SpecDiffSection> _sections = [];
    private readonly HashSet<int> _expanded = [];
    private (string? Old, string? New, bool HideAnnotation)? _computedFor;
    private bool _inline;
    private bool _hideAnnotation;
    private bool? _inlineParameter;
    private bool? _hideAnnotationParameter;

    [Parameter]
    public string? OldYaml { get; set; }

    [Parameter]
    public string? NewYaml { get; set; }

    [Parameter]
    public string OldTitle { get; set; } = "Before";

    [Parameter]
    public string NewTitle { get; set; } = "After";

    /// <summary>Unchanged lines kept around each change.</summary>
    [Parameter]
    public int ContextLines { get; set; } = 3;

    [Parameter]
    public bool Inline { get; set; }

    /// <summary>The page keeps the toggles in its URL by listening here.</summary>
    [Parameter]
    public EventCallback<bool> InlineChanged { get; set; }

    [Parameter]
    public bool HideInstanceAnnotation { get; set; }

    [Parameter]
    public EventCallback<bool> HideInstanceAnnotationChanged { get; set; }

    private string SummaryLabel =>
        $"{_diff.AddedCount} added, {_diff.RemovedCount} removed, {_diff.ModifiedCount} modified lines";

    protected override void OnParametersSet()
    {
        // Take a parameter only when the parent changed it, so a local toggle survives an unrelated re-render.
        if (_inlineParameter != Inline)
        {
            _inlineParameter = _inline = Inline;
        }
        if (_hideAnnotationParameter != HideInstanceAnnotation)
        {
            _hideAnnotationParameter = _hideAnnotation = HideInstanceAnnotation;
        }
        Recompute();
    }

    private void Recompute()
    {
        var key = (OldYaml, NewYaml, _hideAnnotation);
        if (_computedFor != key)
        {
            _computedFor = key;
            _diff = SpecDiff.Compute(OldYaml, NewYaml, _hideAnnotation);
            _expanded.Clear();
        }
        _sections = _diff.Sections(ContextLines, _expanded);
    }

    private void Expand(int firstRowIndex)
    {
        _expanded.Add(firstRowIndex);
        _sections = _diff.Sections(ContextLines, _expanded);
    }

    private async Task SetInlineAsync(bool value)
    {
        _inline = value;
        await InlineChanged.InvokeAsync(value);
    }

    private async Task SetHideAnnotationAsync(bool value)
    {
        _hideAnnotation = value;
        Recompute();
        await HideInstanceAnnotationChanged.InvokeAsync(value);
    }

    private static string HiddenLinesLabel(int count) => count == 1 ? "Show 1 hidden line" : $"Show {count} hidden lines";
}
