using SidecarGen.Diagnostics.Analyzers;
using SidecarGen.Tests.Infrastructure;

namespace SidecarGen.Tests.Analyzers;

public sealed class DomainTypeAnalyzerTests
{
    private const string Domain = """
        namespace Shop.Domain
        {
            public class Order { public decimal Total { get; set; } public static Order Empty => new Order(); }
            public static class Pricing { public static decimal Discount(decimal total) => total * 0.1m; }
        }

        namespace Acme.Core.Orders { public class Invoice { } }
        """;

    [Fact]
    public Task SCG0002_every_way_a_derived_sidecar_reaches_a_domain_type() => Verify<DomainTypeAnalyzer>.Analyzer(Domain + """

        namespace App
        {
            using System;
            using System.Collections.Generic;
            using SidecarGen;
            using Shop.Domain;

            [SidecarConcern(SidecarConcerns.Metrics)]
            public sealed class OrderMetricsSidecarAttribute : SidecarAttribute
            {
                private readonly {|SCG0002:Order|} sample = {|SCG0002:Order|}.{|SCG0002:Empty|};

                public OrderMetricsSidecarAttribute() : base("order-metrics", "stats:1.0") { }

                public Type? Source { get; set; }

                public List<{|SCG0002:Order|}> Recent() => new List<{|SCG0002:Order|}>();

                public decimal Score(Shop.Domain.{|SCG0002:Order|} order) => {|SCG0002:Pricing|}.{|SCG0002:Discount|}(order.{|SCG0002:Total|});
            }

            [OrderMetricsSidecar(Source = {|SCG0002:typeof(Order)|})]
            public partial class Program { }
        }
        """);

    [Fact]
    public Task SCG0002_a_domain_base_type_is_flagged() => Verify<DomainTypeAnalyzer>.Analyzer("""
        using SidecarGen;

        namespace Shop.Business
        {
            public abstract class AuditedSidecarAttribute : SidecarAttribute
            {
                protected AuditedSidecarAttribute(string name, string image) : base(name, image) { }
            }
        }

        namespace App
        {
            [SidecarConcern(SidecarConcerns.Logging)]
            public sealed class AuditSidecarAttribute : Shop.Business.{|SCG0002:AuditedSidecarAttribute|}
            {
                public AuditSidecarAttribute() : base("audit", "audit:1.0") { }
            }
        }
        """);

    [Fact]
    public Task SidecarGenDomainNamespaces_replaces_the_default_segments() => Verify<DomainTypeAnalyzer>.Analyzer(
        Domain + """

        namespace App
        {
            using SidecarGen;

            [SidecarConcern(SidecarConcerns.Logging)]
            public sealed class BillingSidecarAttribute : SidecarAttribute
            {
                public BillingSidecarAttribute() : base("billing", "billing:1.0") { }

                public Shop.Domain.Order? NotDomainHere { get; set; }

                public Acme.Core.Orders.{|SCG0002:Invoice|}? Invoice { get; set; }
            }
        }
        """,
        ("SidecarGenDomainNamespaces", "Acme.Core; Other.Model"));

    [Fact]
    public Task Infrastructure_only_sidecars_and_domain_use_in_the_app_are_clean() => Verify<DomainTypeAnalyzer>.Analyzer(Domain + """

        namespace App
        {
            using System;
            using System.Collections.Generic;
            using SidecarGen;
            using Shop.Domain;

            [SidecarConcern(SidecarConcerns.Metrics)]
            public sealed class StatsSidecarAttribute : SidecarAttribute
            {
                public StatsSidecarAttribute() : base("stats", "stats:1.0") { }

                public List<string> Tags() => new List<string> { "infra" };

                public Type? Source { get; set; }
            }

            [StatsSidecar(Source = typeof(Uri))]
            public partial class Program
            {
                public static Order Place() => new Order();
            }
        }
        """);
}
