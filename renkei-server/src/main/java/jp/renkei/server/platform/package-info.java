/**
 * Platform: organisations (tenants), users, roles, API tokens, the audit log, the import log, the
 * database the rest of Renkei runs on and the {@link jp.renkei.server.platform.SecretBox} that seals
 * the secrets other modules store in it. Every other module depends on it; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {})
package jp.renkei.server.platform;
