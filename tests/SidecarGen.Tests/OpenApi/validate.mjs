// Validates Kubernetes manifests against the JSON schemas kubernetes-models generates from the
// Kubernetes OpenAPI spec, and a mesh's objects against its CRD schemas (@kubernetes-models/istio).
// Usage: node validate.mjs FILE...; exits 1 if any object is invalid or of a kind without a schema.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
const kinds = {
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment",
  "v1/Service": "kubernetes-models/v1/Service",
  "v1/ConfigMap": "kubernetes-models/v1/ConfigMap",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy",
  "networking.istio.io/v1/VirtualService": "@kubernetes-models/istio/networking.istio.io/v1/VirtualService",
  "networking.istio.io/v1/DestinationRule": "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule",
  "networking.istio.io/v1/ServiceEntry": "@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry",
  "security.istio.io/v1/PeerAuthentication": "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication",
};
// A CRD schema admits unknown fields, which the API server's strict field validation (kubectl's
// default) rejects; istio-crd-fields.json holds the field tree of Istio's v1 CRDs (istio/api
// kubernetes/customresourcedefinitions.gen.yaml) to catch them here.
const crdFields = JSON.parse(readFileSync(new URL("./istio-crd-fields.json", import.meta.url), "utf8"));
function unknownFields(schema, value, path) {
  if (!schema || schema["x-kubernetes-preserve-unknown-fields"] || value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unknownFields(schema.items, item, `${path}/${i}`));
  if (!schema.properties) return typeof schema.additionalProperties === "object" ? Object.entries(value).flatMap(([k, v]) => unknownFields(schema.additionalProperties, v, `${path}/${k}`)) : [];
  return Object.entries(value).flatMap(([k, v]) => k in schema.properties ? unknownFields(schema.properties[k], v, `${path}/${k}`) : [`${path}/${k}`]);
}
let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    const key = `${doc.apiVersion}/${doc.kind}`;
    const module = kinds[key];
    if (!module) { failed++; console.log(`NO SCHEMA ${file}: ${key}`); continue; }
    const mod = await import(module);
    const Model = mod[doc.kind] ?? mod.default;
    const { apiVersion, kind, metadata, ...body } = doc;
    const unknown = crdFields[key] ? unknownFields(crdFields[key], body, "") : [];
    if (unknown.length) { failed++; console.log(`INVALID ${file}: unknown fields ${unknown.join(", ")}`); continue; }
    try { new Model(doc).validate(); console.log(`ok ${file}`); }
    catch (e) { failed++; console.log(`INVALID ${file}: ${e.message}\n${JSON.stringify(e.errors ?? [], null, 1)}`); }
  }
}
process.exit(failed ? 1 : 0);
