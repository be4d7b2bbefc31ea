package org.blkflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/ against the application's own configuration: the ports it listens on, the health groups
 * it exposes, and memory enough for the sessions a replica admits at the measured cost per session.
 */
class DeployManifestsTest {

    /** Measured (README "Scale-out"): ~2 MB live per playing session, ~3 MB with garbage between GCs. */
    static final long MB_PER_SESSION = 3;
    /** An idle server's heap after a full GC: 18 MB measured; Spring, Tomcat and class data need more room. */
    static final long BASE_HEAP_MB = 100;

    static Properties app;
    static Map<String, Map<String, Object>> k8s;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        app = new Properties();
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        k8s = new java.util.HashMap<>();
        for (Object doc : new Yaml().loadAll(Files.readString(Path.of("deploy/k8s/blkflow.yaml")))) {
            Map<String, Object> m = (Map<String, Object>) doc;
            k8s.put((String) m.get("kind"), m);
        }
    }

    static int serverPort() {
        return Integer.parseInt(app.getProperty("server.port", "8080"));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object o = node;
        for (String p : path) {
            o = o instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) o).get(p);
            if (o == null) throw new AssertionError("no " + String.join(".", path));
        }
        return (T) o;
    }

    static Map<String, Object> container() {
        return at(k8s.get("Deployment"), "spec", "template", "spec", "containers", "0");
    }

    static String env(String name) {
        List<Map<String, Object>> env = at(container(), "env");
        return env.stream().filter(e -> name.equals(e.get("name"))).map(e -> (String) e.get("value")).findFirst()
                .orElse(null);
    }

    @Test
    void probesUseTheHealthGroupsTheApplicationExposes() {
        assertEquals("true", app.getProperty("management.endpoint.health.probes.enabled"));
        assertTrue(List.of(app.getProperty("management.endpoints.web.exposure.include").split(",")).contains("health"));
        assertEquals(serverPort(), (int) at(container(), "ports", "0", "containerPort"));
        String port = at(container(), "ports", "0", "name");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals(port, at(container(), probe, "httpGet", "port"), probe);
        }
        assertEquals("/actuator/health/liveness", at(container(), "livenessProbe", "httpGet", "path"));
        assertEquals("/actuator/health/readiness", at(container(), "readinessProbe", "httpGet", "path"));
    }

    @Test
    void prometheusScrapesTheExposedEndpoint() {
        assertTrue(List.of(app.getProperty("management.endpoints.web.exposure.include").split(",")).contains("prometheus"));
        Map<String, String> annotations = at(k8s.get("Deployment"), "spec", "template", "metadata", "annotations");
        assertEquals("/actuator/prometheus", annotations.get("prometheus.io/path"));
        assertEquals(Integer.toString(serverPort()), annotations.get("prometheus.io/port"));
    }

    @Test
    void memoryHoldsEverySessionAReplicaAdmits() {
        long sessions = Long.parseLong(env("BLKFLOW_SESSION_MAX_SESSIONS"));
        assertTrue(sessions <= Long.parseLong(app.getProperty("blkflow.session.max-sessions")), "not above the app's cap");
        long limitMb = mebibytes(at(container(), "resources", "limits", "memory"));
        assertEquals(limitMb, mebibytes(at(container(), "resources", "requests", "memory")), "guaranteed memory");
        double heapShare = Double.parseDouble(env("JAVA_TOOL_OPTIONS").replaceAll(".*MaxRAMPercentage=(\\d+).*", "$1")) / 100;
        long heapMb = (long) (limitMb * heapShare);
        assertTrue(heapMb >= BASE_HEAP_MB + sessions * MB_PER_SESSION,
                heapMb + " MiB heap for " + sessions + " sessions × " + MB_PER_SESSION + " MB + " + BASE_HEAP_MB);
        assertTrue(limitMb - heapMb >= 256, "room beside the heap for metaspace, threads and buffers");
    }

    @Test
    void serviceAndIngressReachTheContainerWithLongLivedStickyWebSockets() {
        Map<String, Object> service = k8s.get("Service");
        assertEquals((Object) at(container(), "ports", "0", "name"), at(service, "spec", "ports", "0", "targetPort"));
        assertEquals("ClientIP", at(service, "spec", "sessionAffinity"));
        Map<String, Object> backend = at(k8s.get("Ingress"), "spec", "rules", "0", "http", "paths", "0", "backend", "service");
        assertEquals(at(service, "metadata", "name"), backend.get("name"));
        assertEquals((Object) at(service, "spec", "ports", "0", "name"), at(backend, "port", "name"));
        Map<String, String> a = at(k8s.get("Ingress"), "metadata", "annotations");
        assertTrue(Integer.parseInt(a.get("nginx.ingress.kubernetes.io/proxy-read-timeout")) >= 3600, "idle sessions live an hour");
        assertEquals("cookie", a.get("nginx.ingress.kubernetes.io/affinity"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoReplicasBehindAWebSocketProxy() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("deploy/compose/docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        List<String> replicas = new ArrayList<>(services.keySet().stream().filter(s -> s.startsWith("blkflow-")).toList());
        assertEquals(2, replicas.size(), services.keySet().toString());
        String nginx = Files.readString(Path.of("deploy/compose/nginx.conf"));
        for (String r : replicas) {
            assertTrue(nginx.contains("server " + r + ":" + serverPort() + ";"), r + " in the upstream");
            assertEquals(List.of(Integer.toString(serverPort())), at(services.get(r), "expose"));
        }
        assertTrue(nginx.contains("proxy_set_header Upgrade $http_upgrade;") && nginx.contains("ip_hash;"), nginx);
        assertTrue(nginx.contains("proxy_read_timeout 3600s;"), nginx);
    }

    static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) return Long.parseLong(quantity.replace("Gi", "")) * 1024;
        if (quantity.endsWith("Mi")) return Long.parseLong(quantity.replace("Mi", ""));
        throw new AssertionError("write memory in Mi or Gi: " + quantity);
    }
}
