package io.inferscale.gateway.adapter.security;

import io.inferscale.gateway.domain.security.ApiKeyRecord;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated inference client: its principal is the key's id, never the secret. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiKeyRecord key;

    public ApiKeyAuthentication(ApiKeyRecord key) {
        super(List.of(new SimpleGrantedAuthority("ROLE_INFERENCE")));
        this.key = key;
        setAuthenticated(true);
    }

    public ApiKeyRecord key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "api-key:" + key.id();
    }

    @Override
    public String getName() {
        return "api-key:" + key.id();
    }
}
