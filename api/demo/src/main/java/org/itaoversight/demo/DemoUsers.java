package org.itaoversight.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The users the shipped realm seeds for the demo, described from the realm file itself. */
final class DemoUsers {

    static final String PASSWORD = "ita-demo-2568";

    record User(String username, String description) {
    }

    private DemoUsers() {
    }

    static List<User> load() {
        try (InputStream in = DemoUsers.class.getResourceAsStream("/keycloak/ita-oversight-realm.json")) {
            JsonNode realm = new ObjectMapper().readTree(in);
            List<User> users = new ArrayList<>();
            for (JsonNode user : realm.path("users")) {
                if (user.has("serviceAccountClientId")) {
                    continue; // the service client's own account: nobody signs in as it
                }
                String role = user.path("realmRoles").path(0).asText();
                JsonNode attributes = user.path("attributes");
                String scope = attributes.has("agency_code") ? "agency " + attributes.path("agency_code").path(0).asText()
                        : attributes.has("province_code") ? "province " + attributes.path("province_code").path(0).asText() : "all";
                users.add(new User(user.path("username").asText(), role + " (" + scope + ")"));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
