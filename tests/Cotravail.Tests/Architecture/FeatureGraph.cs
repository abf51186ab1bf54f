using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Cotravail.Tests.Architecture;

/// <summary>
/// Which feature uses which, read from the compiled application: the types named in signatures, fields,
/// attributes and method bodies (calls, field reads, type tests, generic arguments) of every type of a feature
/// folder, including its compiled Razor views and the classes the compiler writes for lambdas and async methods.
/// </summary>
internal sealed class FeatureGraph
{
    private const string FeaturesNamespace = "Cotravail.Web.Features.";
    private const string ViewPrefix = "Features_";

    private readonly Dictionary<(string From, string To), SortedSet<string>> _uses = [];

    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Uses => _uses;

    public IEnumerable<string> Features =>
        _uses.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().Order(StringComparer.Ordinal);

    public static FeatureGraph Read(string assemblyPath)
    {
        var graph = new FeatureGraph();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = FeatureOf(type);
            if (from is null) continue;
            foreach (var used in UsedTypes(type))
            {
                var to = FeatureOf(used);
                if (to is null || to == from) continue;
                graph.Add(from, to, $"{Outermost(type).FullName} → {Outermost(used).FullName}");
            }
        }
        return graph;
    }

    /// <summary>The feature folder a type belongs to: its namespace, or the path a compiled Razor view is named after.</summary>
    public static string? FeatureOf(TypeReference type)
    {
        var outer = Outermost(type);
        var ns = outer.Namespace;
        if (ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
            return ns[FeaturesNamespace.Length..].Split('.')[0];
        if (ns == "AspNetCoreGeneratedDocument" && outer.Name.StartsWith(ViewPrefix, StringComparison.Ordinal))
        {
            var rest = outer.Name[ViewPrefix.Length..];
            var end = rest.IndexOf('_', StringComparison.Ordinal);
            // Views at the root of Features (Index, _ViewImports) belong to no feature.
            return end < 0 ? null : rest[..end];
        }
        return null;
    }

    public static TypeReference Outermost(TypeReference type)
    {
        while (type is TypeSpecification spec) type = spec.ElementType;
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private void Add(string from, string to, string example)
    {
        if (!_uses.TryGetValue((from, to), out var examples)) _uses[(from, to)] = examples = new SortedSet<string>(StringComparer.Ordinal);
        examples.Add(example);
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        if (type.BaseType is not null) foreach (var t in Expand(type.BaseType)) yield return t;
        foreach (var i in type.Interfaces) foreach (var t in Expand(i.InterfaceType)) yield return t;
        foreach (var t in Attributes(type.CustomAttributes)) yield return t;
        foreach (var field in type.Fields)
        {
            foreach (var t in Expand(field.FieldType)) yield return t;
            foreach (var t in Attributes(field.CustomAttributes)) yield return t;
        }
        foreach (var property in type.Properties)
        {
            foreach (var t in Expand(property.PropertyType)) yield return t;
            foreach (var t in Attributes(property.CustomAttributes)) yield return t;
        }
        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType)) yield return t;
            foreach (var t in Attributes(method.CustomAttributes)) yield return t;
            foreach (var p in method.Parameters)
            {
                foreach (var t in Expand(p.ParameterType)) yield return t;
                foreach (var t in Attributes(p.CustomAttributes)) yield return t;
            }
            if (!method.HasBody) continue;
            foreach (var v in method.Body.Variables) foreach (var t in Expand(v.VariableType)) yield return t;
            foreach (var instruction in method.Body.Instructions)
                foreach (var t in Operand(instruction)) yield return t;
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Method(m),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    private static IEnumerable<TypeReference> Method(MethodReference method)
    {
        foreach (var t in Expand(method.DeclaringType)) yield return t;
        foreach (var t in Expand(method.ReturnType)) yield return t;
        foreach (var p in method.Parameters) foreach (var t in Expand(p.ParameterType)) yield return t;
        if (method is GenericInstanceMethod generic)
            foreach (var a in generic.GenericArguments) foreach (var t in Expand(a)) yield return t;
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            foreach (var t in Expand(attribute.AttributeType)) yield return t;
            foreach (var argument in attribute.ConstructorArguments)
                if (argument.Value is TypeReference t) foreach (var e in Expand(t)) yield return e;
        }
    }

    /// <summary>A type and every type it is built from: the elements of arrays and the arguments of generics.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference? type)
    {
        if (type is null) yield break;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType)) yield return t;
                foreach (var a in generic.GenericArguments) foreach (var t in Expand(a)) yield return t;
                break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType)) yield return t;
                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
