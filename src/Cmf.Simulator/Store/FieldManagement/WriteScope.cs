namespace Cmf.Simulator.Store.FieldManagement;

/// <summary>
/// The part of an object a write can own (the API server's reset fields): the main resource of a type with a status
/// subresource never owns <c>status</c>, the status subresource owns nothing else.
/// </summary>
internal enum WriteScope
{
    WholeObject,
    ObjectWithoutStatus,
    Status,
}
