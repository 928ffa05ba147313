using Cmf.Dashboard.Model;
using Microsoft.AspNetCore.Components;

namespace Cmf.Dashboard.Components.Controls;

/// <summary>Window and filters of the changes list. It only reports changes; the page puts them in the URL.</summary>
public partial class ChangeListToolbar
{
    private const string All = "";
    private const string CustomWindow = "custom";

    [Parameter, EditorRequired]
    public required ChangeListFilter Filter { get; set; }

    [Parameter]
    public IReadOnlyList<string> Environments { get; set; } = [];

    /// <summary>A new filter; the page starts again from the newest change.</summary>
    [Parameter]
    public EventCallback<ChangeListFilter> FilterChanged { get; set; }

    /// <summary>A typed filter (application, key), reported after the user pauses typing.</summary>
    [Parameter]
    public EventCallback<ChangeListFilter> TextChanged { get; set; }

    private string WindowValue => Filter.From is null && ChangeListFilter.Windows.Contains(Filter.Window)
        ? DurationText.Format(Filter.Window)
        : CustomWindow;

    private string CustomText => Filter.From is { } from
        ? $"{UtcTimeText.Of(from)} to {(Filter.To is { } to ? UtcTimeText.Of(to) : "now")}"
        : $"Last {DurationText.Format(Filter.Window)}";

    private string OutcomeValue => Filter.Outcome is { } outcome ? ChangeOutcomes.Wire(outcome) : All;

    private IReadOnlyCollection<string> SelectedFields => [.. ChangeField.Wires(Filter.Fields)];

    private IEnumerable<string> EnvironmentChoices =>
        Filter.Environment is { } selected && !Environments.Contains(selected) ? [.. Environments, selected] : Environments;

    private Task SelectWindowAsync(string value) =>
        value != CustomWindow && DurationText.TryParse(value, out var window)
            ? FilterChanged.InvokeAsync(Filter with { Window = window, From = null, To = null })
            : Task.CompletedTask;

    private Task SelectEnvironmentAsync(string environment) =>
        FilterChanged.InvokeAsync(Filter with { Environment = environment == All ? null : environment });

    private Task SelectFieldsAsync(IReadOnlyCollection<string>? wires)
    {
        var kinds = (wires ?? []).Select(ChangeField.Parse).Aggregate(Cmf.Core.Specs.SpecChangeKinds.None, (all, kind) => all | (kind ?? default));
        return FilterChanged.InvokeAsync(Filter with { Fields = kinds });
    }

    private Task SelectOutcomeAsync(string wire) => FilterChanged.InvokeAsync(Filter with { Outcome = ChangeOutcomes.Parse(wire) });

    private Task ApplicationChanged(string? name) =>
        TextChanged.InvokeAsync(Filter with { Application = Trimmed(name, ChangeListFilter.MaxTextLength) });

    private Task KeyChanged(string? key) =>
        TextChanged.InvokeAsync(Filter with { ConfigurationKey = Trimmed(key, ChangeListFilter.MaxKeyLength) });

    private Task ClearAsync() => FilterChanged.InvokeAsync(ChangeListFilter.Default with { Window = Filter.Window, From = Filter.From, To = Filter.To });

    private static string? Trimmed(string? text, int max)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }

    private static string WindowText(TimeSpan window) => window.TotalHours switch
    {
        1 => "Last hour",
        24 => "Last 24 hours",
        _ => $"Last {window.TotalDays:0} days",
    };

    private static string FieldText(string wire) => ChangeField.All.FirstOrDefault(f => f.Wire == wire).Label ?? wire;

    private static string FieldsText(IReadOnlyList<string> labels) => labels.Count == 0 ? "Any" : string.Join(", ", labels);
}
