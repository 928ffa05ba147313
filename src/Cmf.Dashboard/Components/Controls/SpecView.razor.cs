using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>
/// A YAML spec with line numbers and a copy button. Always rendered as text; any secret fingerprint token that
/// reaches it is shown (and copied) as <c>******</c>.
/// </summary>
public partial class SpecView
{
    private string? _renderedYaml;
    private string _maskedText = "";
    private string[] _lines = [];

    [Parameter]
    public string? Yaml { get; set; }

    [Parameter]
    public string Title { get; set; } = "Effective spec";

    [Parameter]
    public string EmptyText { get; set; } = "No spec recorded.";

    /// <summary>Line numbers (from 0) to mark with <see cref="MarkText"/>, e.g. the values that equal the environment's defaults.</summary>
    [Parameter]
    public IReadOnlySet<int> MarkedLines { get; set; } = new HashSet<int>();

    [Parameter]
    public string MarkText { get; set; } = "from environment defaults";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Yaml, _renderedYaml))
        {
            return;
        }
        _renderedYaml = Yaml;
        _maskedText = string.IsNullOrEmpty(Yaml) ? "" : SecretFingerprints.MaskTokens(Yaml.ReplaceLineEndings("\n").TrimEnd('\n'));
        _lines = _maskedText.Length == 0 ? [] : _maskedText.Split('\n');
    }
}
