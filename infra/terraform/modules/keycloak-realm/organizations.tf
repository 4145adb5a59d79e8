# One Organization per member municipality and one for the association. The alias is what
# the token's `organization` claim carries and what the API looks up: the municipality's
# short name (municipality.slug), or the region's slug for region-wide staff (coordinators).
# Keep in step with apps/api/src/seed/demo-region.ts and infra/keycloak/realm-motesplats.json
# (test/infra/realm.spec.ts checks all three).
locals {
  association_alias = "fyrbodal"

  organizations = {
    fyrbodal    = { name = "Fyrbodals kommunalförbund", domain = "fyrbodal.se" }
    bengtsfors  = { name = "Bengtsfors kommun", domain = "bengtsfors.se" }
    "dals-ed"   = { name = "Dals-Eds kommun", domain = "dalsed.se" }
    fargelanda  = { name = "Färgelanda kommun", domain = "fargelanda.se" }
    lysekil     = { name = "Lysekils kommun", domain = "lysekil.se" }
    mellerud    = { name = "Melleruds kommun", domain = "mellerud.se" }
    munkedal    = { name = "Munkedals kommun", domain = "munkedal.se" }
    orust       = { name = "Orusts kommun", domain = "orust.se" }
    sotenas     = { name = "Sotenäs kommun", domain = "sotenas.se" }
    stromstad   = { name = "Strömstads kommun", domain = "stromstad.se" }
    tanum       = { name = "Tanums kommun", domain = "tanum.se" }
    trollhattan = { name = "Trollhättans stad", domain = "trollhattan.se" }
    uddevalla   = { name = "Uddevalla kommun", domain = "uddevalla.se" }
    vanersborg  = { name = "Vänersborgs kommun", domain = "vanersborg.se" }
    amal        = { name = "Åmåls kommun", domain = "amal.se" }
  }
}

resource "keycloak_organization" "this" {
  for_each = local.organizations

  realm   = keycloak_realm.this.id
  name    = each.value.name
  alias   = each.key
  enabled = true

  domain {
    name     = each.value.domain
    verified = false
  }
}
