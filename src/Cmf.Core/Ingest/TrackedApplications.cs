using Cmf.Core.Model;
using Cmf.Core.Storage;
using Cmf.Core.Tracking;

namespace Cmf.Core.Ingest;

/// <summary>
/// What the tracker believes of every application, kept between signals: loaded from the store at start, replaced by
/// each applied result, forgotten and reloaded when a commit fails. Only the pipeline's thread touches it.
/// </summary>
internal sealed class TrackedApplications
{
    private readonly Dictionary<ApplicationKey, ApplicationState> _states = [];

    public int Count => _states.Count;

    public IEnumerable<ApplicationState> All => _states.Values;

    public int InstanceCount => _states.Values.Sum(s => s.Instances.Count);

    public ApplicationState StateOf(ApplicationKey application, string @namespace) =>
        _states.GetValueOrDefault(application) ?? ApplicationState.Empty(application, @namespace);

    public void Set(ApplicationState state) => _states[state.Key] = state;

    public void Forget(ApplicationKey application) => _states.Remove(application);

    /// <summary>The applications of one namespace (null: all), as a list: the caller may change the set while reading it.</summary>
    public IReadOnlyList<ApplicationState> InScope(string? @namespace) =>
        _states.Values.Where(s => @namespace is null || s.Namespace == @namespace).ToList();

    public async Task LoadAllAsync(InstanceStore store, CancellationToken cancellationToken)
    {
        await foreach (var state in store.LoadAllStatesAsync(cancellationToken))
        {
            Set(state);
        }
    }
}
