using System.Reflection;
using System.Reflection.Emit;

namespace Cmf.UnitTests.Architecture;

/// <summary>
/// Every reference from one layer of an assembly to another: in signatures (base type, interfaces, attributes, fields,
/// properties, events, parameters, return types, locals) and in method bodies (every type, method and field token of
/// the IL), compiler-made types (lambdas, iterators, async state machines) included, as they sit in their author's namespace.
/// </summary>
internal static class LayerReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The layer of a type below <paramref name="root"/>: its first namespace segment ("" for the root itself); null outside it.</summary>
    public static string? LayerOf(Type type, string root)
    {
        var ns = type.Namespace;
        if (ns is null)
        {
            return null;
        }
        if (ns == root)
        {
            return "";
        }
        if (!ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>The layers of the assembly's types below <paramref name="root"/>.</summary>
    public static IReadOnlySet<string> Layers(Assembly assembly, string root) =>
        assembly.GetTypes().Select(t => LayerOf(t, root)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Every reference between two different layers below <paramref name="root"/>, made by a type of the assembly.</summary>
    public static IReadOnlyList<LayerReference> Find(Assembly assembly, string root)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var found = new List<LayerReference>();
        foreach (var type in assembly.GetTypes())
        {
            if (LayerOf(type, root) is not { } from)
            {
                continue;
            }
            foreach (var (target, where) in Named(type))
            {
                foreach (var named in Expand(target))
                {
                    if (LayerOf(named, root) is { } to && to != from)
                    {
                        found.Add(new LayerReference(from, to, type.FullName ?? type.Name, named.FullName ?? named.Name, where));
                    }
                }
            }
        }
        return found;
    }

    private static IEnumerable<(Type Target, string Where)> Named(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return (baseType, "signature");
        }
        foreach (var contract in type.GetInterfaces())
        {
            yield return (contract, "signature");
        }
        foreach (var attribute in type.CustomAttributes)
        {
            yield return (attribute.AttributeType, "signature");
        }
        foreach (var field in type.GetFields(Declared))
        {
            yield return (field.FieldType, field.Name);
        }
        foreach (var property in type.GetProperties(Declared))
        {
            yield return (property.PropertyType, property.Name);
        }
        foreach (var handler in type.GetEvents(Declared))
        {
            if (handler.EventHandlerType is { } handlerType)
            {
                yield return (handlerType, handler.Name);
            }
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var named in InMethod(type, method))
            {
                yield return (named, method.Name);
            }
        }
    }

    private static IEnumerable<Type> InMethod(Type owner, MethodBase method)
    {
        if (method is MethodInfo info)
        {
            yield return info.ReturnType;
        }
        foreach (var parameter in method.GetParameters())
        {
            yield return parameter.ParameterType;
        }
        foreach (var attribute in method.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }
        if (method.GetMethodBody() is not { } body)
        {
            yield break;
        }
        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }
        var typeArguments = owner.IsGenericType ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var token in Tokens(body.GetILAsByteArray() ?? []))
        {
            foreach (var named in Resolve(method.Module, token, typeArguments, methodArguments))
            {
                yield return named;
            }
        }
    }

    /// <summary>The metadata tokens of type, method, field and ldtoken operands, walking the IL opcode by opcode.</summary>
    internal static IEnumerable<int> Tokens(byte[] il)
    {
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at];
            at++;
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[at]));
                at++;
            }
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                throw new InvalidOperationException($"Unknown IL opcode 0x{value:X} at offset {at}.");
            }
            switch (opCode.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        switch (module.ResolveMember(token, typeArguments, methodArguments))
        {
            case Type type:
                yield return type;
                break;
            case MethodBase called:
                if (called.DeclaringType is { } declaring)
                {
                    yield return declaring;
                }
                if (called is MethodInfo info)
                {
                    yield return info.ReturnType;
                    if (info.IsGenericMethod)
                    {
                        foreach (var argument in info.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }
                }
                foreach (var parameter in called.GetParameters())
                {
                    yield return parameter.ParameterType;
                }
                break;
            case FieldInfo field:
                if (field.DeclaringType is { } fieldOwner)
                {
                    yield return fieldOwner;
                }
                yield return field.FieldType;
                break;
        }
    }

    /// <summary>The type and every type it is made of: element types, generic definitions and arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
            yield break;
        }
        if (type.IsGenericParameter)
        {
            yield break;
        }
        if (type.IsConstructedGenericType)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Expand(argument))
                {
                    yield return inner;
                }
            }
            yield break;
        }
        yield return type;
    }
}
