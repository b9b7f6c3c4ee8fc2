package io.inferscale.gateway.domain.security;

/** Console and admin API roles; each includes the ones below it. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also changes routing and scaling policies. */
    OPERATOR,
    /** Also manages users and API keys. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
