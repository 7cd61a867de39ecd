// Everything TrustBot needs in Azure, in one resource group:
//   - a user-assigned managed identity: the bot's identity (MicrosoftAppType=UserAssignedMSI), which also
//     signs in to storage and reads Key Vault, so there is no client secret and no storage key anywhere
//   - an Azure Bot (global) with the Microsoft Teams channel, pointing at the web app
//   - a Linux App Service plan and web app on .NET 10 (health check /healthz, always on, HTTPS only)
//   - a storage account for Tables and Queues (Entra ID only) with data roles for the identity
//   - Log Analytics + Application Insights (OpenTelemetry from the app)
//   - a Key Vault (RBAC, soft delete) holding Pulse:AnonymitySecret, read through a Key Vault reference
//
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p namePrefix=<prefix> [anonymitySecret=<base64>]
// See README, "Deploy to Azure".

targetScope = 'resourceGroup'

@minLength(3)
@maxLength(12)
@description('Short prefix of every resource name: lower-case letters, digits and hyphens, starting with a letter (e.g. trustbot, tb-prod).')
param namePrefix string

@description('Azure region of every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. Basic (B1) or higher: always-on needs it.')
param appServiceSku string = 'B1'

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free anyway) or S1.')
param botSku string = 'F0'

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
@description('Storage redundancy.')
param storageSku string = 'Standard_LRS'

@secure()
@description('Pulse:AnonymitySecret: base64 of at least 32 random bytes (openssl rand -base64 32). Give it on the first deployment (or set it once with az keyvault secret set); empty leaves the stored secret unchanged.')
param anonymitySecret string = ''

@description('Key Vault purge protection (cannot be turned off again once on).')
param keyVaultPurgeProtection bool = true

@description('Days Log Analytics keeps telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags on every resource.')
param tags object = {
  app: 'TrustBot'
}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var compactPrefix = toLower(replace(namePrefix, '-', ''))
var names = {
  identity: '${namePrefix}-id'
  logs: '${namePrefix}-logs'
  insights: '${namePrefix}-ai'
  plan: '${namePrefix}-plan'
  web: '${namePrefix}-${suffix}'
  bot: '${namePrefix}-bot-${suffix}'
  storage: take('${compactPrefix}st${suffix}', 24)
  keyVault: take('${compactPrefix}kv${suffix}', 24)
}
var anonymitySecretName = 'pulse-anonymity-secret'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'trustbot-storage'
  params: {
    name: names.storage
    location: location
    principalId: identity.properties.principalId
    skuName: storageSku
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'trustbot-keyvault'
  params: {
    name: names.keyVault
    location: location
    principalId: identity.properties.principalId
    anonymitySecretName: anonymitySecretName
    anonymitySecret: anonymitySecret
    enablePurgeProtection: keyVaultPurgeProtection
    tags: tags
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2024-04-01' = {
  name: names.web
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the bot's identity, which holds Key Vault Secrets User.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Nested configuration keys use __ on Linux (Storage__TableEndpoint is Storage:TableEndpoint).
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'Storage__TableEndpoint'
          value: storage.outputs.tableEndpoint
        }
        {
          name: 'Storage__QueueEndpoint'
          value: storage.outputs.queueEndpoint
        }
        {
          name: 'Storage__ManagedIdentityClientId'
          value: identity.properties.clientId
        }
        {
          name: 'Pulse__AnonymitySecret'
          value: '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=${vault.outputs.anonymitySecretName})'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
      ]
    }
  }
}

// No FTP with a user name and password; deployments go through Azure Resource Manager.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: web
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'TrustBot'
    description: 'Build, measure and restore your team\'s trust.'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    developerAppInsightKey: insights.properties.InstrumentationKey
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

@description('The messaging endpoint Teams calls through the Azure Bot.')
output botEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'

@description('The bot\'s app id (the managed identity\'s client id): BOT_ID for scripts/package-app.')
output botAppId string = identity.properties.clientId

@description('The web app\'s host name: BOT_DOMAIN for scripts/package-app.')
output botDomain string = web.properties.defaultHostName

@description('The web app to deploy the published bot to.')
output webAppName string = web.name

@description('The Key Vault holding Pulse:AnonymitySecret.')
output keyVaultName string = vault.outputs.name

@description('The name of the anonymity secret in that vault.')
output anonymitySecretName string = anonymitySecretName
