using Cmf.Core.Model;

namespace Cmf.Core.Tracking;

internal sealed partial class TrackerStep
{
    /// <summary>
    /// Rule 6: an error that comes back with the same message while the same upgrade is still pending continues
    /// its episode (one event, counted); a clear while an upgrade is pending only makes the episode dormant.
    /// </summary>
    private void TrackErrorEpisode(string? before, string? error)
    {
        var pending = _state.PendingInstance?.Uid;
        var episode = _state.ErrorEpisode;
        if (episode is { ClearedAt: not null } && episode.PendingInstanceUid != pending)
        {
            // The upgrade it blocked went through, or was replaced: the dormant error is over.
            CloseErrorEpisode();
            episode = null;
        }
        if (error == before && (error is null || episode is not null))
        {
            return;
        }
        if (error is null)
        {
            if (episode is null)
            {
                return;
            }
            if (pending is not null && pending == episode.PendingInstanceUid)
            {
                _state = _state with { ErrorEpisode = episode with { ClearedAt = _now } };
                return;
            }
            CloseErrorEpisode();
            return;
        }
        if (episode is not null && episode.Message == error && episode.PendingInstanceUid == pending)
        {
            var continued = episode with { Count = episode.Count + 1, LastSeen = _now, ClearedAt = null };
            _state = _state with { ErrorEpisode = continued };
            RecordEpisode(continued);
            return;
        }
        CloseErrorEpisode();
        var started = new ErrorEpisode { Message = error, PendingInstanceUid = pending, FirstSeen = _now, LastSeen = _now };
        _state = _state with { ErrorEpisode = started };
        RecordEpisode(started);
    }

    private void CloseErrorEpisode()
    {
        if (_state.ErrorEpisode is not { } episode)
        {
            return;
        }
        _state = _state with { ErrorEpisode = null };
        var times = episode.Count == 1 ? "" : $" (seen {episode.Count} times)";
        Record(AppEventKind.ErrorCleared, $"Error cleared{times}", episode.PendingInstanceUid);
    }

    private void RecordEpisode(ErrorEpisode episode) =>
        _events.Add(new AppEvent(episode.FirstSeen, AppEventKind.ErrorSet, $"Error: {episode.Message}")
        {
            InstanceUid = episode.PendingInstanceUid ?? _state.CurrentInstanceUid,
            Key = episode.EventKey,
            Count = episode.Count,
            LastSeenAt = episode.LastSeen,
        });
}
