namespace Cmf.E2ETests;

/// <summary>An application's row in the application list (<c>/applications</c>), and the cells journeys read.</summary>
public sealed record ApplicationRow(ILocator Row)
{
    public static ApplicationRow In(IPage list, string application) =>
        new(list.Locator(".application-table tbody tr").Filter(new() { HasText = application }));

    public ILocator Current => Row.Locator("td").Nth(4);

    public ILocator Latest => Row.Locator("td").Nth(5);
}
