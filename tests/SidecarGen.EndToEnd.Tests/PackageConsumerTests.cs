namespace SidecarGen.EndToEnd.Tests;

/// <summary>
/// The whole product as a user gets it: pack the nupkg, reference it from a fresh project, build,
/// and find the manifests on disk; then edit, rebuild and clean.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedPackageCollection.Name)]
public sealed class PackageConsumerTests(PackedPackage package)
{
    private const string OrderService = """
        using SidecarGen;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        [SidecarService("order-service", Image = "registry.example.com/order-service:1.4.2", Port = 8080)]
        [LoggingSidecar(LogPath = "/var/log/app")]
        [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "order-auth")]
        public partial class Program;
        """;

    [Fact]
    public void A_project_referencing_only_the_package_gets_its_manifests_and_keeps_them_in_step()
    {
        var consumer = ConsumerProject.Create(package, "OrderService", OrderService);

        // Build: every manifest on disk.
        consumer.Build();
        Assert.Equal(
            new[]
            {
                "compose/compose.yaml",
                "compose/config/order-service-logging/fluent-bit.conf",
                "kubernetes/configmap-logging.yaml",
                "kubernetes/deployment.yaml",
                "kubernetes/kustomization.yaml",
                "kubernetes/networkpolicy.yaml",
                "kubernetes/poddisruptionbudget.yaml",
                "kubernetes/service.yaml",
                "kubernetes/serviceaccount.yaml",
            },
            consumer.Manifests());
        var deployment = File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml"));
        Assert.Contains("quay.io/oauth2-proxy/oauth2-proxy:", deployment);
        Assert.Contains("restartPolicy: Always", deployment);
        Assert.Contains("image: registry.example.com/order-service:1.4.2", deployment);
        Assert.Contains("network_mode: service:order-service-pod", File.ReadAllText(consumer.ManifestPath("compose/compose.yaml")));

        // A no-op build rewrites nothing.
        var stamps = consumer.Manifests().ToDictionary(path => path, path => File.GetLastWriteTimeUtc(consumer.ManifestPath(path)));
        Thread.Sleep(1100);
        consumer.Build();
        Assert.All(stamps, stamp => Assert.Equal(stamp.Value, File.GetLastWriteTimeUtc(consumer.ManifestPath(stamp.Key))));

        // An edit to a method body recompiles, but the manifests cannot have changed (the reference
        // assembly, which carries them, did not): the write target is skipped, its task never loaded.
        var written = File.GetLastWriteTimeUtc(consumer.WriteStamp());
        consumer.WriteProgram(OrderService.Replace("() => \"ok\"", "() => \"still ok\""));
        consumer.Build();
        Assert.Equal(written, File.GetLastWriteTimeUtc(consumer.WriteStamp()));
        Assert.All(stamps, stamp => Assert.Equal(stamp.Value, File.GetLastWriteTimeUtc(consumer.ManifestPath(stamp.Key))));

        // A manifest deleted by hand is written again by the next build.
        File.Delete(consumer.ManifestPath("kubernetes/service.yaml"));
        consumer.Build();
        Assert.True(File.Exists(consumer.ManifestPath("kubernetes/service.yaml")));

        // A file the user put in the folder survives every build and the clean.
        File.WriteAllText(consumer.ManifestPath("kubernetes/README.txt"), "mine");

        // Edit the attributes: the manifests follow, and the logging sidecar's files go away.
        consumer.WriteProgram(OrderService.Replace("Port = 8080)", "Port = 8080, Replicas = 3)").Replace("[LoggingSidecar(LogPath = \"/var/log/app\")]\n", ""));
        consumer.Build();
        Assert.Contains("replicas: 3", File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));
        Assert.DoesNotContain("fluent-bit", File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));
        Assert.DoesNotContain("kubernetes/configmap-logging.yaml", consumer.Manifests());
        Assert.DoesNotContain("compose/config/order-service-logging/fluent-bit.conf", consumer.Manifests());
        Assert.True(stamps["compose/compose.yaml"] < File.GetLastWriteTimeUtc(consumer.ManifestPath("compose/compose.yaml")));

        // An SCG error fails the build at the offending argument, and the previous manifests stay as they were.
        var before = File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml"));
        consumer.WriteProgram(OrderService.Replace("Port = 8080)", "Port = 70000)").Replace("[LoggingSidecar(", "[LoggingSidecar(Image = \"fluent/fluent-bit:latest\", "));
        var (exitCode, output) = DotNet.Run(consumer.Directory, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Program\.cs\(7,\d+\): error SCG0009: Port 70000 is outside 1-65535", output);
        Assert.Matches(@"Program\.cs\(8,\d+\): warning SCG0005: ", output);
        Assert.Equal(before, File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));

        // A compile error: the build fails and the previous manifests stay as they were.
        consumer.WriteProgram(OrderService.Replace("app.Run();", "app.Run(); int broken = ;"));
        Assert.NotEqual(0, DotNet.Run(consumer.Directory, "build").ExitCode);
        Assert.Equal(before, File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));

        // Clean: what SidecarGen wrote is gone, the user's file is not.
        consumer.WriteProgram(OrderService);
        consumer.Build();
        DotNet.Succeed(consumer.Directory, "clean");
        Assert.Equal(new[] { "kubernetes/README.txt" }, consumer.Manifests());
    }

    [Fact]
    public void A_design_time_build_writes_nothing()
    {
        var consumer = ConsumerProject.Create(package, "DesignTime", OrderService);

        var output = DotNet.Succeed(consumer.Directory, "build", "-p:DesignTimeBuild=true", "-v:n");

        Assert.Empty(consumer.Manifests());
        Assert.DoesNotContain("SidecarGen: ", output);
    }

    [Fact]
    public void Msbuild_properties_choose_the_outputs_and_where_they_go()
    {
        var consumer = ConsumerProject.Create(package, "Inventory", """
            using SidecarGen;
            var app = WebApplication.CreateBuilder(args).Build();
            app.Run();

            [LoggingSidecar]
            public partial class Program;
            """);
        var project = Path.Combine(consumer.Directory, "Inventory.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<Nullable>enable</Nullable>",
            "<Nullable>enable</Nullable><SidecarGenCompose>false</SidecarGenCompose><SidecarGenOutputPath>$(MSBuildProjectDirectory)/manifests</SidecarGenOutputPath><SidecarGenNamespace>shop</SidecarGenNamespace>"));

        consumer.Build();

        var manifests = Path.Combine(consumer.Directory, "manifests");
        Assert.False(Directory.Exists(consumer.Deploy));
        Assert.False(Directory.Exists(Path.Combine(manifests, "compose")));
        var deployment = File.ReadAllText(Path.Combine(manifests, "kubernetes", "deployment.yaml"));
        Assert.Contains("name: inventory", deployment);
        Assert.Contains("namespace: shop", deployment);
        Assert.Contains("image: inventory:1.0.0", deployment);

        // The output folder changed on the command line alone: the files move there.
        DotNet.Succeed(consumer.Directory, "build", "-p:SidecarGenOutputPath=elsewhere/");
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "elsewhere", "kubernetes", "deployment.yaml")));
        Assert.False(File.Exists(Path.Combine(manifests, "kubernetes", "deployment.yaml")));
    }

    [Fact]
    public void A_blocking_rule_lowered_to_a_warning_leaves_the_manifests_and_every_build_says_so()
    {
        var consumer = ConsumerProject.Create(package, "Lowered", OrderService);
        consumer.Build();
        var before = File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml"));

        File.WriteAllText(Path.Combine(consumer.Directory, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SCG0009.severity = warning\n");
        consumer.WriteProgram(OrderService.Replace("Port = 8080)", "Port = 70000)"));
        var output = consumer.Build();

        Assert.Matches(@"warning SCG0009: Port 70000 is outside 1-65535", output);
        Assert.Matches(@"warning SCG1003: SidecarGen did not update the manifests in '[^']*deploy/' \(\d+ file\(s\) from an earlier build left as they were\): these rules block them, whatever their severity: SCG0009: Port 70000", output);
        Assert.Equal(before, File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));

        // Nothing changed, but the files are still not this build's: the next build says so again.
        Assert.Contains("warning SCG1003", consumer.Build());

        consumer.WriteProgram(OrderService);
        Assert.DoesNotContain("SCG1003", consumer.Build());
    }

    [Fact]
    public void Publish_writes_the_manifests_into_the_publish_folder_and_clean_removes_them()
    {
        var consumer = ConsumerProject.Create(package, "Published", OrderService);
        var publish = Path.Combine(consumer.Directory, "out");

        DotNet.Succeed(consumer.Directory, "publish", "-c", "Release", "-o", publish);

        var deploy = Path.Combine(publish, "deploy");
        Assert.True(File.Exists(Path.Combine(publish, "Published.dll")));
        Assert.Equal(
            Directory.EnumerateFiles(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "deploy"), "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Path.Combine(consumer.Directory, "bin", "Release", "net10.0", "deploy"), p)).Order(),
            Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(deploy, p)).Order());
        Assert.Contains("network_mode: service:order-service-pod", File.ReadAllText(Path.Combine(deploy, "compose", "compose.yaml")));
        Assert.Contains("kind: Deployment", File.ReadAllText(Path.Combine(deploy, "kubernetes", "deployment.yaml")));

        DotNet.Succeed(consumer.Directory, "clean", "-c", "Release");
        Assert.Empty(Directory.Exists(deploy) ? Directory.EnumerateFiles(deploy, "*", SearchOption.AllDirectories) : Array.Empty<string>());
        Assert.True(File.Exists(Path.Combine(publish, "Published.dll")));
    }

    [Fact]
    public void Msbuild_properties_switch_on_the_cluster_add_ons_and_a_bad_value_fails_the_build()
    {
        var consumer = ConsumerProject.Create(package, "Orders", """
            using SidecarGen;
            var app = WebApplication.CreateBuilder(args).Build();
            app.Run();

            [SidecarService("orders", Host = "orders.example.com")]
            [MetricsSidecar]
            [AuthProxySidecar(IssuerUrl = "https://login.example.com/realms/shop", SecretName = "orders-auth")]
            [TlsTerminationSidecar(CertificateIssuer = "cluster-ca")]
            public partial class Program;
            """);
        var project = Path.Combine(consumer.Directory, "Orders.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<Nullable>enable</Nullable>",
            "<Nullable>enable</Nullable><SidecarGenNamespace>shop</SidecarGenNamespace><SidecarGenPrometheus>PodMonitor</SidecarGenPrometheus>"
            + "<SidecarGenGateway>gateway-system/public</SidecarGenGateway><SidecarGenSecretStore>ClusterSecretStore/vault</SidecarGenSecretStore>"));

        var build = consumer.Build();

        // The route reaches a TLS port: a warning, not an error.
        Assert.Contains("warning SCG0026", build);
        string[] addOns = { "certificate-orders-tls.yaml", "externalsecret-orders-auth.yaml", "httproute.yaml", "podmonitor.yaml" };
        foreach (var file in addOns)
        {
            Assert.True(File.Exists(consumer.ManifestPath("kubernetes/" + file)), file + " was not written");
            Assert.Contains("  - " + file, File.ReadAllText(consumer.ManifestPath("kubernetes/kustomization.yaml")));
        }

        Assert.Contains("name: vault", File.ReadAllText(consumer.ManifestPath("kubernetes/externalsecret-orders-auth.yaml")));
        Assert.DoesNotContain("prometheus.io/", File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));

        // A bad value is a build error naming the property; the files written before stay as they were.
        var before = File.ReadAllText(consumer.ManifestPath("kubernetes/podmonitor.yaml"));
        var (exitCode, output) = DotNet.Run(consumer.Directory, "build", "-p:SidecarGenPrometheus=Prometheus");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error SCG0023: SidecarGenPrometheus 'Prometheus' is not Annotations, PodMonitor or ServiceMonitor", output);
        Assert.Equal(before, File.ReadAllText(consumer.ManifestPath("kubernetes/podmonitor.yaml")));

        // Switched off again: the add-ons' files go, and the annotations come back.
        DotNet.Succeed(consumer.Directory, "build", "-p:SidecarGenPrometheus=Annotations", "-p:SidecarGenSecretStore=", "-p:SidecarGenGateway=");
        Assert.All(addOns.Where(file => !file.StartsWith("certificate", StringComparison.Ordinal)), file => Assert.False(File.Exists(consumer.ManifestPath("kubernetes/" + file)), file + " is stale"));
        Assert.True(File.Exists(consumer.ManifestPath("kubernetes/ingress.yaml")));
        Assert.Contains("prometheus.io/port: '8889'", File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));
    }

    [Fact]
    public void An_autoscaled_service_gets_its_autoscaler_and_a_deployment_without_replicas()
    {
        const string program = """
            using SidecarGen;
            var app = WebApplication.CreateBuilder(args).Build();
            app.Run();

            [SidecarService("orders", MinReplicas = 2, MaxReplicas = 6, TargetRequestsPerSecond = 40)]
            [ServiceMeshSidecar(Mtls = false)]
            public partial class Program;
            """;
        var consumer = ConsumerProject.Create(package, "Scaled", program);

        // SidecarGenAutoscaler left at Hpa: a HorizontalPodAutoscaler, and the request target has no effect.
        var build = consumer.Build();
        Assert.Contains("warning SCG0038: TargetRequestsPerSecond has no effect with a HorizontalPodAutoscaler", build);
        var hpa = File.ReadAllText(consumer.ManifestPath("kubernetes/horizontalpodautoscaler.yaml"));
        Assert.Contains("type: ContainerResource", hpa);
        Assert.Contains("container: orders", hpa);
        Assert.Contains("  - horizontalpodautoscaler.yaml", File.ReadAllText(consumer.ManifestPath("kubernetes/kustomization.yaml")));
        Assert.DoesNotContain("replicas:", File.ReadAllText(consumer.ManifestPath("kubernetes/deployment.yaml")));

        // KEDA with a Prometheus server: a ScaledObject with the request trigger takes the HPA's place.
        DotNet.Succeed(consumer.Directory, "build", "-p:SidecarGenAutoscaler=Keda", "-p:SidecarGenPrometheusAddress=http://prometheus-operated.monitoring.svc:9090");
        Assert.False(File.Exists(consumer.ManifestPath("kubernetes/horizontalpodautoscaler.yaml")));
        var scaledObject = File.ReadAllText(consumer.ManifestPath("kubernetes/scaledobject.yaml"));
        Assert.Contains("containerName: orders", scaledObject);
        Assert.Contains("envoy_http_downstream_rq_total", scaledObject);

        // A bad autoscaler and bounds that cannot work are build errors; the files stay as they were.
        var (exitCode, output) = DotNet.Run(consumer.Directory, "build", "-p:SidecarGenAutoscaler=Kubernetes");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error SCG0023: SidecarGenAutoscaler 'Kubernetes' is not Hpa or Keda", output);
        consumer.WriteProgram(program.Replace("MinReplicas = 2", "MinReplicas = 7", StringComparison.Ordinal));
        (exitCode, output) = DotNet.Run(consumer.Directory, "build");
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Program\.cs\(5,\d+\): error SCG0036: MinReplicas 7 exceeds MaxReplicas 6", output);
        Assert.False(File.Exists(consumer.ManifestPath("kubernetes/horizontalpodautoscaler.yaml")));
        Assert.Equal(scaledObject, File.ReadAllText(consumer.ManifestPath("kubernetes/scaledobject.yaml")));
    }
}
