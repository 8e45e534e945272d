using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SidecarGen.Rules;
using SidecarGen.Reading;

namespace SidecarGen.Diagnostics.Analyzers;

/// <summary>
/// SCG0002: a sidecar is infrastructure, never business logic. Flags every way a sidecar definition
/// can reach a domain type: <c>typeof</c> arguments of sidecar attributes, and anything a derived
/// sidecar attribute class names — base types, members, parameters, return types, generic
/// arguments, method bodies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DomainTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DomainType);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        AnalyzerSetup.OnSidecarGenCompilations(context, (start, settings, _) =>
        {
            var domain = new DomainNamespaces(settings.DomainNamespaces);

            start.RegisterSymbolAction(symbolContext => TypeofArguments(symbolContext, domain), SymbolKind.NamedType);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (type.TypeKind != TypeKind.Class || type.BaseType is null || !KnownTypes.IsSidecarAttribute(type) || KnownTypes.IsOwn(type))
                    {
                        return;
                    }

                    // Every name written inside the class: declarations and bodies alike.
                    symbolStart.RegisterSyntaxNodeAction(node => NameInSidecarClass(node, type, domain), SyntaxKind.IdentifierName, SyntaxKind.GenericName);
                },
                SymbolKind.NamedType);
        });
    }

    private static void NameInSidecarClass(SyntaxNodeAnalysisContext context, INamedTypeSymbol sidecarClass, DomainNamespaces domain)
    {
        if (context.Node.Parent is QualifiedNameSyntax qualified && qualified.Left == context.Node)
        {
            return;
        }

        var symbol = context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol;
        var type = symbol switch
        {
            ITypeSymbol t => t,
            IMethodSymbol { MethodKind: MethodKind.Constructor } or IFieldSymbol or IPropertySymbol or IEventSymbol or IMethodSymbol => symbol.ContainingType,
            _ => null,
        };
        // Generic arguments are names of their own, reported where they are written.
        if (type is not null && domain.Contains(type, typeArguments: false))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DomainType,
                context.Node.GetLocation(),
                $"The sidecar '{sidecarClass.Name}' uses the domain type '{type.ToDisplayString()}'; business logic belongs in the app, not in a sidecar"));
        }
    }

    private static void TypeofArguments(SymbolAnalysisContext context, DomainNamespaces domain)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is not { } cls || !KnownTypes.IsSidecarAttribute(cls) || attribute.ApplicationSyntaxReference is not { } reference)
            {
                continue;
            }

            // Loops rather than LINQ: LINQ over TypedConstant, a struct, is JIT-compiled anew in every
            // compiler process, and this runs for every type of the compilation.
            var domainTypes = new List<ITypeSymbol>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                AddDomainTypes(argument, domain, domainTypes);
            }

            foreach (var named in attribute.NamedArguments)
            {
                AddDomainTypes(named.Value, domain, domainTypes);
            }

            if (domainTypes.Count == 0)
            {
                continue;
            }

            var syntax = (AttributeSyntax)reference.GetSyntax(context.CancellationToken);
            foreach (var domainType in domainTypes)
            {
                var typeofSyntax = syntax.DescendantNodes().OfType<TypeOfExpressionSyntax>()
                    .FirstOrDefault(t => t.Type.ToString().Split('.').Last() == domainType.Name);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DomainType,
                    (typeofSyntax ?? (SyntaxNode)syntax).GetLocation(),
                    $"The sidecar attribute refers to the domain type '{domainType.ToDisplayString()}'; business logic belongs in the app, not in a sidecar"));
            }
        }
    }

    private static void AddDomainTypes(TypedConstant argument, DomainNamespaces domain, List<ITypeSymbol> domainTypes)
    {
        if (argument.Kind == TypedConstantKind.Array)
        {
            if (!argument.IsNull)
            {
                foreach (var item in argument.Values)
                {
                    AddDomainTypes(item, domain, domainTypes);
                }
            }
        }
        else if (argument.Kind == TypedConstantKind.Type && argument.Value is ITypeSymbol type && domain.Contains(type))
        {
            domainTypes.Add(type);
        }
    }
}
