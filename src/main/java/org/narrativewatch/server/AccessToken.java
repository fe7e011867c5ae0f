package org.narrativewatch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.narrativewatch.UserException;

/**
 * The token that endpoints which write (events) require. Taken from the environment variable
 * {@code NWATCH_TOKEN}, else from {@code token:} in the server config file; generated and saved
 * there (owner-only) on the first start.
 *
 * @param value     the secret
 * @param origin    where it came from, for the start-up message
 * @param generated true when this start created it
 */
public record AccessToken(String value, String origin, boolean generated) {

    public AccessToken {
        if (value == null || value.length() < 16) {
            throw new UserException("server token from " + origin + " must be at least 16 characters");
        }
    }

    public static AccessToken load(Path config, String env) throws IOException {
        if (env != null && !env.isBlank()) {
            return new AccessToken(env.strip(), "environment variable NWATCH_TOKEN", false);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        if (Files.exists(config)) {
            JsonNode root;
            try {
                root = yaml.readTree(config.toFile());
            } catch (IOException e) {
                throw new UserException(config + ": not YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            JsonNode t = root == null ? null : root.get("token");
            if (t != null && t.isTextual() && !t.asText().isBlank()) {
                return new AccessToken(t.asText().strip(), config.toString(), false);
            }
            throw new UserException(config + ": field token is missing (delete the file to generate one)");
        }
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Path dir = config.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".server-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps the platform's default permissions
            }
            Files.writeString(tmp, "# nwatch serve: token required by endpoints that write (X-NWatch-Token header)\ntoken: "
                    + token + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, config, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new AccessToken(token, config.toString(), true);
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AccessToken[from " + origin + "]";
    }
}
