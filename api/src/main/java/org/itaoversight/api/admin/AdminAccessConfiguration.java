package org.itaoversight.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Who may use the admin port (health checks, metrics, thread dumps, tasks). It binds to loopback by default; when it
 * binds to any other address a username and password are required (HTTP Basic on every admin path but
 * {@code /ping}), or the application refuses to start.
 */
public class AdminAccessConfiguration {

    private String username = "";
    private String password = "";

    @JsonProperty
    public String getUsername() {
        return username;
    }

    @JsonProperty
    public void setUsername(String username) {
        this.username = username == null ? "" : username;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    /** The credentials, when both are set. */
    public Optional<Credentials> credentials() {
        return username.isBlank() || password.isBlank() ? Optional.empty() : Optional.of(new Credentials(username, password));
    }

    /** A username and password for the admin port. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }
}
