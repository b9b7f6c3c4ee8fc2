package io.inferscale.gateway.adapter.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The not-yet-checked key a request carried ({@code Authorization: Bearer} or {@code x-api-key}).
 */
final class PresentedApiKey extends AbstractAuthenticationToken {
    private final String key;

    PresentedApiKey(String key) {
        super(java.util.List.of());
        this.key = key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return "api-key";
    }
}
