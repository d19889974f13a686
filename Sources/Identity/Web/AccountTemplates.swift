/// Sign-up, sign-in and the email-link pages.
enum AccountTemplates {
    static let signUp = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Create your account</h1>
          <form class="stack" method="post" action="/signup" novalidate>
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="displayName">Name</label>
              <input id="displayName" name="displayName" autocomplete="name" required maxlength="100" value="{{form.displayName}}"{{#fields.displayName}} aria-invalid="true" aria-describedby="displayName-error"{{/fields.displayName}}>
              {{#fields.displayName}}<p class="field-error" id="displayName-error">Name {{fields.displayName}}.</p>{{/fields.displayName}}
            </div>
            <div class="field">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="email" required value="{{form.email}}"{{#fields.email}} aria-invalid="true" aria-describedby="email-error"{{/fields.email}}>
              {{#fields.email}}<p class="field-error" id="email-error">Email {{fields.email}}.</p>{{/fields.email}}
            </div>
            <div class="field">
              <label for="password">Password</label>
              <p class="hint" id="password-hint">At least 10 characters.</p>
              <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="128" aria-describedby="password-hint{{#fields.password}} password-error{{/fields.password}}"{{#fields.password}} aria-invalid="true"{{/fields.password}}>
              {{#fields.password}}<p class="field-error" id="password-error">Password {{fields.password}}.</p>{{/fields.password}}
            </div>
            <button type="submit">Sign up</button>
          </form>
          <p class="muted">Already have an account? <a href="/signin">Sign in</a>.</p>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let signIn = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Sign in</h1>
          <form class="stack" method="post" action="/signin">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="next" value="{{next}}">
            <div class="field">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="username" required value="{{form.email}}"{{#failed}} aria-invalid="true" aria-describedby="signin-error"{{/failed}}>
            </div>
            <div class="field">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required{{#failed}} aria-invalid="true" aria-describedby="signin-error"{{/failed}}>
              {{#failed}}<p class="field-error" id="signin-error">{{failed}}</p>{{/failed}}
            </div>
            <button type="submit">Sign in</button>
          </form>
          <p class="muted"><a href="/reset-password">Forgot your password?</a> · New here? <a href="/signup">Create an account</a>.</p>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let verifyEmail = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Confirm your email</h1>
          {{#token}}
          <form class="stack" method="post" action="/verify-email">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="token" value="{{token}}">
            <button type="submit">Confirm my email address</button>
          </form>
          {{/token}}
          {{^token}}<p><a href="/">Continue to Lyceum</a></p>{{/token}}
        </div>
        {{/content}}
        {{/layout}}
        """

    static let resetRequest = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Reset your password</h1>
          <p class="muted">Enter your email and we will send you a link to choose a new password.</p>
          <form class="stack" method="post" action="/reset-password">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="email" required value="{{form.email}}"{{#fields.email}} aria-invalid="true" aria-describedby="email-error"{{/fields.email}}>
              {{#fields.email}}<p class="field-error" id="email-error">Email {{fields.email}}.</p>{{/fields.email}}
            </div>
            <button type="submit">Send the link</button>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let resetConfirm = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Choose a new password</h1>
          <form class="stack" method="post" action="/reset-password/confirm">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="token" value="{{token}}">
            <div class="field">
              <label for="password">New password</label>
              <p class="hint" id="password-hint">At least 10 characters.</p>
              <input id="password" name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="128" aria-describedby="password-hint{{#fields.password}} password-error{{/fields.password}}"{{#fields.password}} aria-invalid="true"{{/fields.password}}>
              {{#fields.password}}<p class="field-error" id="password-error">Password {{fields.password}}.</p>{{/fields.password}}
            </div>
            <button type="submit">Save the new password</button>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """
}
