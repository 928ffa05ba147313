namespace Cmf.Dashboard.Components.Pages;

/// <summary>
/// What a live helper needs of the component that owns it: whether it renders interactively, the way onto its renderer,
/// a re-render, and its error boundary (a failure on a pool thread must not die unseen).
/// </summary>
public sealed record LiveComponent(
    bool IsInteractive,
    Func<Func<Task>, Task> InvokeAsync,
    Action StateHasChanged,
    Func<Exception, Task> DispatchExceptionAsync);
