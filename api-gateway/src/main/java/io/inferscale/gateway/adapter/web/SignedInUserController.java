package io.inferscale.gateway.adapter.web;

import io.inferscale.gateway.domain.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who the caller is signed in as. The console checks a password with it and shows only the actions
 * the role allows; the API enforces the role whatever the console shows.
 */
@RestController
@RequestMapping("/api/v1/gateway")
public class SignedInUserController {

    public record SignedInUser(String username, Role role) {}

    @GetMapping("/me")
    public SignedInUser me(Authentication authentication) {
        Role role =
                Role.highestOf(
                                authentication.getAuthorities().stream()
                                        .map(GrantedAuthority::getAuthority)
                                        .toList())
                        .orElseThrow(
                                () ->
                                        new ResponseStatusException(
                                                HttpStatus.FORBIDDEN, "the user has no role"));
        return new SignedInUser(authentication.getName(), role);
    }
}
