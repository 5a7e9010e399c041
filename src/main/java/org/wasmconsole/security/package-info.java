/** Sign-in, roles, the current user, sign-in throttling and ending the sessions of changed users: the bottom layer above base. */
@NullMarked
package org.wasmconsole.security;

import org.jspecify.annotations.NullMarked;
