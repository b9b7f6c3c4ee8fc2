package io.inferscale.gateway.domain.security;

import java.util.Collection;
import java.util.Optional;

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

    /**
     * The strongest role among granted authority names: a user carries every role below their own
     * (so that path rules can name the least role they need), and the console wants the one the
     * user was given.
     */
    public static Optional<Role> highestOf(Collection<String> authorities) {
        Role highest = null;
        for (Role r : values()) {
            if (authorities.contains(r.authority())) {
                highest = r;
            }
        }
        return Optional.ofNullable(highest);
    }
}
