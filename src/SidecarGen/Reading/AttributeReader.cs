using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SidecarGen.Model;
using SidecarGen.Rules;

namespace SidecarGen.Reading;

/// <summary>
/// Turns the SidecarGen attributes on a class into a <see cref="ServiceDeclaration"/>: each attribute
/// onto its real class (<see cref="AttributeDataAccessor"/>), then into its kind's typed options. The
/// generator and the analyzers both read through here, so they always see the same service.
/// </summary>
internal static class AttributeReader
{
    /// <summary>The service the class declares, or null when it carries no SidecarGen attribute.</summary>
    public static ServiceDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        ServiceOptions? service = null;
        var serviceOrdinal = -1;
        var serviceWritten = EquatableArray<string>.Empty;
        var sidecars = new List<SidecarDeclaration>();
        var findings = new Findings();
        var attributes = type.GetAttributes();

        for (var ordinal = 0; ordinal < attributes.Length; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attribute = attributes[ordinal];
            if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass)
            {
                continue;
            }

            if (KnownTypes.IsServiceAttribute(attributeClass))
            {
                // A second one is already a compile error (AllowMultiple = false); the first wins so the output stays stable.
                var context = new ReadContext(findings, ordinal);
                if (service is null && AttributeDataAccessor.Access(typeof(SidecarServiceAttribute), attribute, context) is SidecarServiceAttribute read)
                {
                    service = ServiceOptions.Read(read);
                    serviceOrdinal = ordinal;
                    serviceWritten = context.WrittenProperties;
                }
            }
            else if (KnownTypes.IsSidecarAttribute(attributeClass))
            {
                var context = new ReadContext(findings, ordinal);
                var kind = KnownTypes.KindOf(attributeClass);
                var read = KnownTypes.IsOwn(attributeClass)
                    ? AttributeDataAccessor.Access(kind.AttributeType, attribute, context)
                    : CustomSidecar(attribute, context);
                if (read is SidecarAttribute sidecar)
                {
                    sidecars.Add(new SidecarDeclaration(ordinal, ClassConcerns(attributeClass), context.WrittenProperties, kind.Read(sidecar)));
                }
            }
        }

        return service is null && sidecars.Count == 0
            ? null
            : new ServiceDeclaration(service, serviceOrdinal, serviceWritten, sidecars.ToEquatableArray(), findings.Items.ToEquatableArray());
    }

    /// <summary>The concerns a sidecar attribute class declares with [SidecarConcern], its bases included.</summary>
    private static SidecarConcerns ClassConcerns(INamedTypeSymbol attributeClass)
    {
        var concerns = SidecarConcerns.None;
        for (var current = attributeClass; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } cls
                    && KnownTypes.IsConcernAttribute(cls)
                    && attribute.ConstructorArguments is [{ Value: int value }])
                {
                    concerns |= (SidecarConcerns)value;
                }
            }
        }

        return concerns;
    }

    /// <summary>
    /// A user's sidecar attribute: a <see cref="SidecarAttribute"/> with the name and image its
    /// constructor passes to <c>base(name, image)</c>, and the named arguments the base class declares.
    /// </summary>
    private static SidecarAttribute CustomSidecar(AttributeData attribute, ReadContext context)
    {
        string? name = null;
        string? image = null;
        if (attribute.AttributeConstructor is { } constructor)
        {
            foreach (var (property, value) in BaseConstructorArguments(attribute, constructor))
            {
                context.Written(property, value);
                if (property == nameof(SidecarAttribute.Name))
                {
                    name = value;
                }
                else
                {
                    image = value;
                }
            }
        }

        return (SidecarAttribute)AttributeDataAccessor.Apply(new SidecarAttribute(name!, image!), attribute.NamedArguments, context);
    }

    /// <summary>
    /// A user's sidecar attribute passes its name and image to <c>base(name, image)</c>. When its
    /// constructor is in source, read that call: string literals as written, and the constructor's own
    /// parameters as the values this usage passed for them.
    /// </summary>
    private static IEnumerable<(string Property, string Value)> BaseConstructorArguments(AttributeData attribute, IMethodSymbol constructor)
    {
        var initializer = constructor.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax())
            .OfType<ConstructorDeclarationSyntax>()
            .Select(declaration => declaration.Initializer)
            .FirstOrDefault(init => init is not null && init.IsKind(SyntaxKind.BaseConstructorInitializer));
        if (initializer is null)
        {
            yield break;
        }

        string[] baseParameters = { nameof(SidecarAttribute.Name), nameof(SidecarAttribute.Image) };
        var arguments = initializer.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count && i < baseParameters.Length; i++)
        {
            var target = arguments[i].NameColon is { } nameColon ? AttributeDataAccessor.PropertyName(nameColon.Name.Identifier.ValueText) : baseParameters[i];
            var value = arguments[i].Expression switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                IdentifierNameSyntax identifier => constructor.Parameters
                    .Where(p => p.Name == identifier.Identifier.ValueText && p.Ordinal < attribute.ConstructorArguments.Length)
                    .Select(p => attribute.ConstructorArguments[p.Ordinal].Value as string)
                    .FirstOrDefault(),
                _ => null,
            };
            if (value is not null && baseParameters.Contains(target))
            {
                yield return (target, value);
            }
        }
    }
}
