// Validates Kubernetes manifests against the JSON schemas kubernetes-models generates from the
// Kubernetes OpenAPI spec, and the add-ons' and Istio's objects against the schemas
// @kubernetes-models/* generate from their CRDs. Usage: node validate.mjs FILE...; exits 1 if any
// object is invalid or of a kind without a schema.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
const kinds = {
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "v1/ServiceAccount": "kubernetes-models/v1/ServiceAccount",
  "v1/Namespace": "kubernetes-models/v1/Namespace",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1/Ingress",
  "monitoring.coreos.com/v1/PodMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor",
  "monitoring.coreos.com/v1/ServiceMonitor": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor",
  "cert-manager.io/v1/Certificate": "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate",
  "gateway.networking.k8s.io/v1/HTTPRoute": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute",
  "external-secrets.io/v1/ExternalSecret": "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret",
  "networking.istio.io/v1/VirtualService": "@kubernetes-models/istio/networking.istio.io/v1/VirtualService",
  "networking.istio.io/v1/DestinationRule": "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule",
  "networking.istio.io/v1/ServiceEntry": "@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry",
  "security.istio.io/v1/PeerAuthentication": "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication",
  "security.istio.io/v1/AuthorizationPolicy": "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler",
  "keda.sh/v1alpha1/ScaledObject": "@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject",
};
let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    const key = `${doc.apiVersion}/${doc.kind}`;
    const module = kinds[key];
    if (!module) { failed++; console.log(`NO SCHEMA ${file}: ${key}`); continue; }
    const mod = await import(module);
    const Model = mod[doc.kind] ?? mod.default;
    try { new Model(doc).validate(); console.log(`ok ${file}`); }
    catch (e) { failed++; console.log(`INVALID ${file}: ${e.message}\n${JSON.stringify(e.errors ?? [], null, 1)}`); }
  }
}
process.exit(failed ? 1 : 0);
