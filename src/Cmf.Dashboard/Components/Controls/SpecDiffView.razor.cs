using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// Side-by-side (or inline) diff of two effective specs, unchanged runs folded behind "show N hidden lines".
/// The texts may carry secret fingerprint tokens: they are compared, never shown. Specs as small as real ones are diffed at
/// once; larger ones off the renderer, in the circuit only (a prerender would run the diff a second time with nothing
/// to stop it), cancelled when the texts change or the component goes away with its circuit. Texts beyond
/// <see cref="SpecDiffLimits"/> are not diffed: the view says so and links both specs.
/// </summary>
public partial class SpecDiffView : IDisposable
{
    /// <summary>
    /// Both texts together up to this many bytes are diffed on the renderer: 32 KiB is three times the largest real spec
    /// (a real pair takes about a millisecond), and the worst such input measured (every word changed) took 0.1 s.
    /// </summary>
    public const int ImmediateBytes = 32 * 1024;

    private SpecLineDiff? _diff;
    private IReadOnlyList<SpecLineDiffSection> _sections = [];
    private readonly HashSet<int> _expanded = [];
    private (string? Old, string? New, bool HideAnnotation)? _computedFor;
    private CancellationTokenSource? _computing;
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

    /// <summary>Where the old spec can be downloaded whole: linked when the specs are too large to diff here.</summary>
    [Parameter]
    public string? OldSpecUrl { get; set; }

    [Parameter]
    public string? NewSpecUrl { get; set; }

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

    private string SummaryLabel => _diff is null
        ? ""
        : $"{_diff.AddedCount} added, {_diff.RemovedCount} removed, {_diff.ModifiedCount} modified lines";

    protected override Task OnParametersSetAsync()
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
        return RecomputeAsync();
    }

    public void Dispose()
    {
        StopComputing();
        GC.SuppressFinalize(this);
    }

    private void StopComputing()
    {
        _computing?.Cancel();
        _computing?.Dispose();
        _computing = null;
    }

    private async Task RecomputeAsync()
    {
        var key = (Old: OldYaml, New: NewYaml, HideAnnotation: _hideAnnotation);
        if (_computedFor == key)
        {
            Resection();
            return;
        }
        _computedFor = key;
        _diff = null;
        _expanded.Clear();
        StopComputing();
        if (SpecLineDiffSize.Of(key.Old, key.New).Bytes <= ImmediateBytes)
        {
            _diff = SpecLineDiff.Compute(key.Old, key.New, key.HideAnnotation);
            Resection();
            return;
        }
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        var computing = _computing = new CancellationTokenSource();
        try
        {
            var token = computing.Token;
            var diff = await Task.Run(() => SpecLineDiff.Compute(key.Old, key.New, key.HideAnnotation, token), token);
            if (ReferenceEquals(_computing, computing))
            {
                _diff = diff;
                Resection();
            }
        }
        catch (OperationCanceledException) when (computing.IsCancellationRequested)
        {
            // Other texts to compare now, or the circuit is gone.
        }
    }

    private void Resection() => _sections = _diff?.Sections(ContextLines, _expanded) ?? [];

    private void Expand(int firstRowIndex)
    {
        _expanded.Add(firstRowIndex);
        Resection();
    }

    private async Task SetInlineAsync(bool value)
    {
        _inline = value;
        await InlineChanged.InvokeAsync(value);
    }

    private async Task SetHideAnnotationAsync(bool value)
    {
        _hideAnnotation = value;
        await HideInstanceAnnotationChanged.InvokeAsync(value);
        await RecomputeAsync();
    }

    private static string HiddenLinesLabel(int count) => count == 1 ? "Show 1 hidden line" : $"Show {count} hidden lines";
}
