#!/usr/bin/env python3
"""Starts a built app the way its generated Deployment starts the app container, and probes it.

    run-as-generated.py <deployment.yaml> <App.dll> [KEY=VALUE ...]

KEY=VALUE: configuration the operator gives the app beside the generated manifests (a ConfigMap or
Secret of their own: the addresses of its database, cache, broker), printed apart from the generated env.

The app process gets exactly the container's `env` (plus PATH/HOME/DOTNET_ROOT to find `dotnet`),
so ASP.NET Core runs in Production, as in the Pod, whose Deployment sets no environment name. Its
working folder is the dll's, as the image's WORKDIR would be. Then the container's probes run the way
the kubelet runs them (httpGet with HTTP/1.1, tcpSocket, grpc: grpc.health.v1.Health/Check), against
127.0.0.1: first the startupProbe until it passes or fails failureThreshold times (capped), then the
livenessProbe and readinessProbe three times each. try-eshop.sh runs this inside a network namespace
of its own, where nothing else listens: every dependency of the app (database, cache, broker,
identity server) is down.

Prints what each probe got and how long it took, then a verdict: the liveness probe must pass with the
dependencies down; an HTTP readiness probe must answer (not 404, within its timeout) and say "not
ready" while they are down (a TCP readiness probe passes once the port listens, as documented in
docs/probes-and-protocols.md). Exits 0 when both hold.

STOP_DATABASE (env): for an app that owns a database which is up (throwaway-postgres.sh sets it), a
command that stops the database. After the probes above it runs, and liveness and readiness run three
times more: liveness must still pass (no restart), readiness must say "not ready" (the Pod leaves the
Service) and a health check the app logs as unhealthy must be new since the database went down.
"""
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

import yaml

STARTUP_CAP = 5    # startup attempts tried here at most; the kubelet tries failureThreshold times
REPEAT = 3        # liveness and readiness attempts


def app_container(deployment):
    spec = deployment["spec"]["template"]["spec"]
    name = deployment["metadata"]["name"]
    containers = spec["containers"]
    return next((c for c in containers if c["name"] == name), containers[0])


def container_env(container):
    env = {}
    for item in container.get("env", []):
        if "value" in item:
            env[item["name"]] = str(item["value"])
        else:
            print(f"  env {item['name']}: from {list(item.get('valueFrom', {}))} (not set here)")
    for source in container.get("envFrom", []):
        print(f"  envFrom {source} (not set here)")
    return env


def port_number(container, port):
    if isinstance(port, int):
        return port
    for item in container.get("ports", []):
        if item.get("name") == port:
            return item["containerPort"]
    raise SystemExit(f"probe port {port!r} is not a port of the container")


def describe(kind, probe, port):
    if "httpGet" in probe:
        target = f"httpGet {probe['httpGet'].get('scheme', 'HTTP').lower()}://127.0.0.1:{port}{probe['httpGet'].get('path', '/')}"
    elif "tcpSocket" in probe:
        target = f"tcpSocket 127.0.0.1:{port}"
    elif "grpc" in probe:
        target = f"grpc 127.0.0.1:{port} service={probe['grpc'].get('service', '')!r}"
    else:
        target = f"{[k for k in probe if k.endswith(('exec', 'Exec'))] or list(probe)} (not run here)"
    timing = f"timeout {probe.get('timeoutSeconds', 1)}s, period {probe.get('periodSeconds', 10)}s, failureThreshold {probe.get('failureThreshold', 3)}"
    return f"{kind}: {target} ({timing})"


def run_probe(probe, port):
    """One attempt: (passed, what it got, seconds)."""
    timeout = probe.get("timeoutSeconds", 1)
    started = time.monotonic()
    try:
        if "httpGet" in probe:
            get = probe["httpGet"]
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            headers = {h["name"]: h["value"] for h in get.get("httpHeaders", [])}
            connection.request("GET", get.get("path", "/"), headers=headers)
            response = connection.getresponse()
            body = response.read(200).decode("utf-8", "replace").strip()
            got = f"{response.status} {body!r}" if body else f"{response.status}"
            passed = 200 <= response.status < 400
        elif "tcpSocket" in probe:
            socket.create_connection(("127.0.0.1", port), timeout=timeout).close()
            got, passed = "connected", True
        elif "grpc" in probe:
            passed, got = grpc_check(port, probe["grpc"].get("service", ""), timeout)
        else:
            return None, "not run here", 0.0
    except (OSError, http.client.HTTPException) as error:
        got, passed = f"{type(error).__name__}: {error}", False
    return passed, got, time.monotonic() - started


def grpc_check(port, service, timeout):
    """grpc.health.v1.Health/Check over h2c with curl: SERVING is the message 08 01."""
    name = service.encode()
    message = (b"\x0a" + bytes([len(name)]) + name) if name else b""
    frame = b"\x00" + len(message).to_bytes(4, "big") + message
    with tempfile.NamedTemporaryFile() as request, tempfile.NamedTemporaryFile() as response:
        request.write(frame)
        request.flush()
        result = subprocess.run(
            ["curl", "-sS", "--http2-prior-knowledge", "-m", str(timeout), "-o", response.name, "-D", "-",
             "-H", "content-type: application/grpc", "-H", "te: trailers", "--data-binary", "@" + request.name,
             f"http://127.0.0.1:{port}/grpc.health.v1.Health/Check"],
            capture_output=True, text=True)
        body = open(response.name, "rb").read()
    if result.returncode != 0:
        return False, f"curl: {result.stderr.strip()}"
    status = next((line.split(":", 1)[1].strip() for line in result.stdout.splitlines() if line.lower().startswith("grpc-status:")), "?")
    serving = body[5:7] == b"\x08\x01"
    return status == "0" and serving, f"grpc-status {status}, {'SERVING' if serving else 'body ' + body.hex()}"


def attempt(kind, probe, port, log):
    passed, got, seconds = run_probe(probe, port)
    late = seconds > probe.get("timeoutSeconds", 1)
    verdict = "not run" if passed is None else ("pass" if passed and not late else "FAIL")
    print(f"    {kind}: {got} in {seconds:.2f}s -> {verdict}")
    log.append((kind, passed and not late, got))
    return passed and not late


def main():
    deployment_path, dll, extra = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    deployment = next(d for d in yaml.safe_load_all(open(deployment_path)) if d and d.get("kind") == "Deployment")
    container = app_container(deployment)
    print(f"app container {container['name']!r} of Deployment {deployment['metadata']['name']!r}")
    env = container_env(container)
    for key, value in env.items():
        print(f"  env {key}={value}")
    process_env = dict(env)
    for item in extra:
        key, _, value = item.partition("=")
        print(f"  operator's env (not generated) {key}={value}")
        process_env.setdefault(key, value)
    for key in ("PATH", "HOME", "DOTNET_ROOT"):
        if key in os.environ:
            process_env[key] = os.environ[key]
    probes = [(kind, container[kind]) for kind in ("startupProbe", "livenessProbe", "readinessProbe") if kind in container]
    ports = {kind: port_for(container, probe) for kind, probe in probes}
    for kind, probe in probes:
        print("  " + describe(kind, probe, ports[kind]))

    output = tempfile.NamedTemporaryFile(prefix="app-", suffix=".log", delete=False)
    print(f"$ (cd {os.path.dirname(dll)} && env -i <env above> dotnet {os.path.basename(dll)})   # log: {output.name}")
    app = subprocess.Popen(["dotnet", dll], cwd=os.path.dirname(dll), env=process_env, stdout=output, stderr=subprocess.STDOUT)
    log = []
    try:
        # As long as the kubelet's startup probe would wait (an app that migrates a database first is slow).
        startup = dict(probes).get("startupProbe", {})
        patience = startup.get("failureThreshold", 3) * startup.get("periodSeconds", 10) if startup else 60
        listening = wait_listening(app, ports, deadline=time.monotonic() + patience)
        show_app_log(output.name)
        if app.poll() is not None:
            print(f"  the app EXITED with code {app.returncode} before it listened")
            return verdict(log, probes, crashed=True)
        if not listening:
            print(f"  nothing listens on the probe ports after {patience} s")
        for kind, probe in probes:
            print(f"  {kind}:")
            if kind != "startupProbe" and not verdict_started(probes, log):
                print("    (the kubelet would not run it before the startup probe passes; tried anyway, to show what it gets)")
            if kind == "startupProbe":
                for _ in range(min(probe.get("failureThreshold", 3), STARTUP_CAP)):
                    if attempt(kind, probe, ports[kind], log):
                        break
                    time.sleep(min(probe.get("periodSeconds", 10), 2))
                else:
                    print(f"    (the kubelet stops after {probe.get('failureThreshold', 3)} failures,"
                          f" {probe.get('failureThreshold', 3) * probe.get('periodSeconds', 10)} s, and restarts the container;"
                          " liveness and readiness never run)")
            else:
                for _ in range(REPEAT):
                    attempt(kind, probe, ports[kind], log)
                    time.sleep(1)
                if any(k == kind and got.startswith("TimeoutError") for k, _, got in log):
                    patient = dict(probe, timeoutSeconds=120)
                    passed, got, seconds = run_probe(patient, ports[kind])
                    print(f"    the same request without the probe's timeout, sent after those: {got} in {seconds:.2f}s")
        if app.poll() is not None:
            print(f"  the app EXITED with code {app.returncode} while probed")
        checked = unhealthy_checks(output.name)
        print(f"  health checks the app logged as unhealthy: {', '.join(sorted(checked)) or 'none'}")
        show_app_log(output.name, tail=True)
        status = verdict(log, probes, crashed=app.poll() is not None)
        if os.environ.get("STOP_DATABASE") and app.poll() is None:
            status |= database_outage(app, probes, ports, output.name, checked)
        return status
    finally:
        if app.poll() is None:
            app.terminate()
            try:
                app.wait(15)
            except subprocess.TimeoutExpired:
                app.kill()


def database_outage(app, probes, ports, app_log, unhealthy_before):
    """Stops the app's database, then probes again: liveness must pass, readiness must fail."""
    print("  the database goes down:")
    sys.stdout.flush()
    subprocess.run(os.environ["STOP_DATABASE"], shell=True, check=True)
    log = []
    for kind, probe in probes:
        if kind == "startupProbe":
            continue
        print(f"  {kind}:")
        for _ in range(REPEAT):
            attempt(kind, probe, ports[kind], log)
            time.sleep(1)
    unhealthy = unhealthy_checks(app_log)
    new = sorted(unhealthy - unhealthy_before)
    print(f"  health checks the app logged as unhealthy since: {', '.join(new) or 'none new'}")
    running = app.poll() is None
    if not running:
        print(f"  the app EXITED with code {app.returncode} after the database went down")
    live_ok = running and all(passed for kind, passed, _ in log if kind == "livenessProbe")
    readiness = [passed for kind, passed, _ in log if kind == "readinessProbe"]
    ready_ok = running and bool(new) and bool(readiness) and not any(readiness)
    print(f"  VERDICT database down: liveness: {'PASS' if live_ok else 'FAIL'} (the container is not restarted);"
          f" readiness fails, a database check among the failures: {'PASS' if ready_ok else 'FAIL'} (the Pod leaves the Service)")
    return 0 if live_ok and ready_ok else 1


def unhealthy_checks(app_log):
    """Names of the health checks ASP.NET Core's DefaultHealthCheckService logged as Unhealthy (an error,
    event 103: "Health check {name} with status Unhealthy completed after ...")."""
    return set(re.findall(r"^\s*Health check (\S+) with status Unhealthy", open(app_log, errors="replace").read(), re.M))


def verdict_started(probes, log):
    return not any(kind == "startupProbe" for kind, _ in probes) or any(passed for kind, passed, _ in log if kind == "startupProbe")


def port_for(container, probe):
    for kind in ("httpGet", "tcpSocket", "grpc"):
        if kind in probe:
            return port_number(container, probe[kind]["port"])
    return None


def wait_listening(app, ports, deadline):
    wanted = {port for port in ports.values() if port}
    while time.monotonic() < deadline and app.poll() is None:
        if all(listens(port) for port in wanted):
            return True
        time.sleep(0.5)
    return False


def listens(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def show_app_log(path, tail=False):
    lines = open(path, errors="replace").read().splitlines()
    if tail:
        interesting = [line for line in lines if line.startswith(("fail:", "crit:", "Unhandled exception"))]
        print(f"  app log: {len(lines)} lines, {len(interesting)} fail/crit entries" + (f"; first: {interesting[0]}" if interesting else ""))
        return
    keep = [line for i, line in enumerate(lines)
            if "Hosting environment" in line or "Now listening" in line or "Unhandled exception" in line
            or re.search(r"Migrating database|Applying migration|Seeded ", line)
            or line.startswith("crit:") or (i > 0 and lines[i - 1].startswith("crit:"))]
    for line in keep[:12]:
        print("  | " + line.strip())


def verdict(log, probes, crashed):
    """Liveness must pass. Readiness must say "not ready" while the dependencies are down, unless it is
    a TCP connect, which docs/probes-and-protocols.md documents as passing whenever the port listens."""
    liveness = [passed for kind, passed, _ in log if kind == "livenessProbe"]
    readiness = [(passed, got) for kind, passed, got in log if kind == "readinessProbe"]
    readiness_probe = dict(probes).get("readinessProbe", {})
    started = not crashed and verdict_started(probes, log)
    live_ok = started and bool(liveness) and all(liveness)
    if "tcpSocket" in readiness_probe:
        expected = "readiness (a TCP connect) passes while the port listens"
        ready_ok = started and bool(readiness) and all(passed for passed, _ in readiness)
    else:
        expected = "readiness answers 'not ready' while they are down"
        # A probe that times out fails, as one answered 503 does: the Pod leaves the Service either way.
        unready = [got for passed, got in readiness if not passed and (got[:3].isdigit() and got[:3] != "404" or got.startswith("TimeoutError"))]
        timed_out = sum(got.startswith("TimeoutError") for got in unready)
        ready_ok = started and bool(readiness) and len(unready) == len(readiness)
        if timed_out:
            expected += f" ({timed_out} of {len(readiness)} by timing out)"
    print(f"  VERDICT startup: {'pass' if started else 'FAIL'}; liveness with dependencies down: {'PASS' if live_ok else 'FAIL'};"
          f" {expected}: {'PASS' if ready_ok else 'FAIL'}")
    return 0 if live_ok and ready_ok else 1


if __name__ == "__main__":
    sys.exit(main())
