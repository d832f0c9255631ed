package dev.authstack.web;

import jakarta.json.JsonObject;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** A user as the pages show it, made from the API's JSON. */
public class UserRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final long id;
    private final String username;
    private final String email;
    private final boolean admin;
    private final boolean active;
    private final String createdAt;

    public UserRow(JsonObject user) {
        this.id = user.getJsonNumber("id").longValue();
        this.username = user.getString("username");
        this.email = user.getString("email");
        this.admin = user.getBoolean("is_admin");
        this.active = user.getBoolean("is_active");
        this.createdAt = DISPLAY.format(OffsetDateTime.parse(user.getString("created_at")));
    }

    public long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isActive() {
        return active;
    }

    public String getRole() {
        return admin ? "Administrator" : "User";
    }

    public String getCreatedAt() {
        return createdAt;
    }
}
